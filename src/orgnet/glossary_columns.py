"""Column headers in Chinese (``-f xlsx --lang zh``): data for ``orgnet.glossary.column_words``, which
reads the report's own column words (``glossary.WORDS``) first, so a column is called the same
everywhere; this table names the others.
"""

#: Column headers in Chinese (``-f xlsx --lang zh``); in English a column keeps its name (``org_id``).
COLUMN_ZH = {
    "org_id": "组织编号", "org_name": "组织名称", "region_id": "区域编号", "region_name": "区域名称", "rule": "规则",
    "detail": "说明", "female_staff": "女职工数", "required_body_type": "应建组织类型", "body_id": "组织机构编号",
    "body_name": "组织机构名称", "body_type": "组织机构类型", "head_role": "负责人职务", "party_body_ids": "党组织编号",
    "township_id": "乡镇（街道）编号", "township_name": "乡镇（街道）", "person_id": "人员编号", "person_name": "姓名",
    "posts": "在任职务数", "bodies": "所在组织", "systems": "所属系统", "body_ids": "组织机构编号",
    "body_names": "组织机构名称", "body_systems": "组织机构系统", "roles": "职务", "org_ids": "单位编号",
    "org_names": "单位名称", 
    "body_rules": "交叉任职依据", "rules": "依据", "sanctioned_body_ids": "按规定交叉任职组织编号",
    "sanctioned_body_names": "按规定交叉任职组织", "extra_body_ids": "额外兼职组织编号",
    "extra_body_names": "额外兼职组织", "body_a": "组织甲", "body_b": "组织乙", "system_a": "组织甲系统",
    "system_b": "组织乙系统", "shared": "共有人员数", "jaccard": "重合度", "kind": "类别", "lost_body": "失去本组织人员的组织",
    "people_left": "剩余人数", "list": "名单", "rank": "排序", "party_grade": "党组织定级", "ready": "条件成熟",
    "candidates": "合适人选", "candidate_posts": "合适人选现任职务", "reasons": "依据", "readiness": "条件数",
    "business_stable": "经营稳定", "workforce_stable": "女职工队伍稳定", "total_staff": "职工总数",
    "candidate_ids": "合适人选编号", "post_person_ids": "任职人员编号", "post_body_ids": "任职组织编号",
    "post_body_names": "任职组织", "post_systems": "任职系统", "post_types": "任职组织类型", "post_roles": "任职职务",
    "links": "联系组织数", "visits": "走访次数", "flag": "提示", "problem": "问题", "expected_min": "应不少于",
    "expected_max": "应不多于", "level": "层级", "figure": "指标", "unit": "单位", "numerator": "分子",
    "denominator": "分母", "value": "数值", "gender": "性别", "system": "系统", "type": "类型", "org_kind": "单位类型",
    "role": "职务", "two_new": "两新组织", "covered": "已覆盖", "parent_id": "上级区域编号", "reserve_cadre": "后备干部",
    "change": "变化", "subject_id": "对象编号", "name": "名称", "date": "日期", "demo_point_id": "示范点编号",
    "demo_name": "示范点", "site_org_id": "所在单位编号", "pairing_org_id": "结对单位编号", "venue_id": "场所编号",
    "venue_name": "场所", "before": "之前", "after": "之后", "gap_detail": "缺口说明", "shift": "变化值",
    "new_gap": "新增缺口", "bodies_lost": "失去负责人的组织数", "new_gaps": "新增缺口数", "party_posts": "党组织职务数",
    "women_posts": "妇女组织职务数", "betweenness": "中介中心度", "threshold": "标准", "passed": "达标", "hops": "跳数",
    "depth": "层级深度", "group": "分组", "body_id_list": "组织机构编号列表",
}
