"""The views' words: the coverage and overlaps views' labels and counts (``orgnet.viz.views``) and
the notes of a folded view (``orgnet.viz.scene.fold``). Data for ``orgnet.glossary``, which every
output reads (``from orgnet.glossary import VIEW_WORDS, FOLD_NOTES``).
"""

#: The coverage and overlaps views' words (``orgnet.viz.views``).
VIEW_WORDS = {
    # the rules' names as the reports' words have them everywhere (issue #18), one per line on a tile
    "short.committee_required": ("应建未建妇委会（妇工委）", "no committee"),
    "short.liaison_required": ("应设未设妇女工作联络员", "no liaison officer"),
    "short.party_without_women": ("已建党组织未建妇女组织", "party, no women's"), "short.vacant_head": ("妇女组织负责人空缺", "no head"),
    "coverage_pct": ("覆盖率 {pct}（{have}/{need}）", "coverage {pct} ({have}/{need})"),
    "no_need": ("无需建立", "none needed"),
    "orgs_gaps": ("{orgs} 个组织 · {gapped} 个有缺口", "{orgs} organizations · {gapped} with a gap"),
    "no_gaps": ("无缺口", "no gaps"),
    "own": ("{name}本级", "{name} (own organizations)"),
    "coverage_means": ("覆盖率 = 已建妇女组织的单位 ÷（已建 + 应建未建）",
                       "coverage = organizations with a women's body ÷ (with one + missing one)"),
    "count_orgs": ("有缺口的组织", "organizations with a gap"),
    "count_rows": ("缺口条目（按规则）", "gap rows by rule"),
    "count_missing": ("缺失的妇女组织（每个单位计一次）", "missing women's bodies (once per organization)"),
    "ghost_tip": ("缺失的妇女组织 missing women's body", "closes: {rules}"),
    "screen_orgs": ("{name}：{orgs} 个组织", "{name}: {orgs} organizations"),
    "more_orgs": ("另有 {n} 个单位未画出（无缺口的在后），见 gaps 表",
                  "{n} more organizations not drawn (those without a gap last); see the gaps table"),
    "back": ("↑ 返回上一级", "↑ back up"),
    "click_hint": ("点击方块进入该区域的单位；悬停查看详情；拖动平移，滚轮缩放。",
                   "Click a tile to open its organizations; hover for details; drag to pan, scroll to zoom."),
    "overlaps_people": ("列出 {shown} 人（共 {total} 人，按职务数排序）", "{shown} people shown (of {total}, most posts first)"),
    "person_posts": ("{posts} 职务（另兼 {extra}）", "{posts} posts ({extra} extra)"),
    "region_bodies": ("区域机构", "region-level bodies"),
    "overlaps_title": ("一人多职", "Post overlaps"),
    "all_regions": ("全部 {n} 个区县", "all {n} top regions"),
    "min_posts_fact": ("职务数 ≥ {n}", "posts ≥ {n}"),
    "top_note": ("仅画出职务最多的 {shown} 人（--top {top}），其余 {rest} 人见 overlaps 表。",
                 "Only the {shown} people with most posts are drawn (--top {top}); the other {rest} are in the overlaps table."),
}

#: The notes of a folded view: what was folded, at each step (``orgnet.viz.scene.fold``).
FOLD_NOTES = {
    "bodies": ("下级人员已合并计入各机构（见提示）", "post holders are folded into their bodies (see tooltips)"),
    "orgs": ("组织机构已合并到所属单位（见提示）", "bodies are folded into their organizations (see tooltips)"),
    "marked": ("缺失的妇女组织已合并到所属单位（虚线边框）",
               "missing women's bodies are folded into their organizations (dashed border)"),
    "counts": ("单位已按区域和状态合并为计数", "organizations are folded into counts per region and status"),
    "ghost_counts": ("缺失的妇女组织按区域计数（虚线圆）", "missing women's bodies are counted per region (dashed dots)"),
    "roots": ("只显示最上级区域，各区域单位按状态的计数见提示",
              "only the top regions are drawn; their organizations by status are in the tooltips"),
    "depth": ("（显示到第 {depth} 级区域）", " (regions shown to depth {depth})"),
    "left_out": ("（另有 {depth} 个区域未显示，按有缺口的单位数排序）",
                 " ({depth} more regions left out; the ones with most organizations with a gap are shown)"),
    "aggregated": ("已聚合：完整视图有 {total} 个节点，超过上限 {max_nodes}；{what}。",
                   "Aggregated: the full view has {total} nodes, more than --max-nodes {max_nodes}; {what}."),
}
