import java.awt.Color;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.EdgeMergeStrategy;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Opens graph files with the Gephi Toolkit's own importers, headless, the way Gephi's "Open" does
 * (ImportController.importFile, then the DefaultProcessor into a fresh workspace; edges merge strategy
 * "Don't merge" unless --merge=SUM|AVG|MAX|MIN|FIRST|LAST comes before the files), and prints what
 * arrived as one JSON document on stdout: per file, the node and edge counts in the import container
 * and in the workspace's graph, the import report's issues with their level, the node and edge
 * attribute columns, and every node (id, label, colour, attributes) and edge (id, source, target,
 * attributes).
 *
 * Run with the jars that tools/gephi/pom.xml resolves:
 *   java -Djava.awt.headless=true -cp 'tools/gephi/lib/*' tools/gephi/GephiImport.java [--merge=SUM] FILE...
 */
public class GephiImport {

    /** What Gephi does with two edges between the same nodes (--merge=SUM, ...; default: keep both). */
    static EdgeMergeStrategy merge = EdgeMergeStrategy.NO_MERGE;

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));  // toolkit chatter → stderr
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--merge=")) {
                merge = EdgeMergeStrategy.valueOf(arg.substring("--merge=".length()));
            } else {
                files.add(importOne(new File(arg)));
            }
        }
        out.println("[" + String.join(",\n", files) + "]");
    }

    static String importOne(File file) throws Exception {
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        Container container = importer.importFile(file);
        if (container == null) {
            return "{\"file\": " + quote(file.getPath()) + ", \"error\": \"no importer accepted the file\"}";
        }
        container.getLoader().setEdgesMergeStrategy(merge);  // Gephi's import report: "Edges merge strategy"
        String found = issues(container.getReport().getIssuesList(Integer.MAX_VALUE));
        int containerNodes = container.getUnloader().getNodeCount();
        int containerEdges = container.getUnloader().getEdgeCount();
        importer.process(container, new DefaultProcessor(), workspace);
        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        StringBuilder json = new StringBuilder("{");
        json.append("\"file\": ").append(quote(file.getPath()));
        json.append(", \"container_nodes\": ").append(containerNodes);
        json.append(", \"container_edges\": ").append(containerEdges);
        json.append(", \"nodes\": ").append(model.getGraph().getNodeCount());
        json.append(", \"edges\": ").append(model.getGraph().getEdgeCount());
        json.append(", \"issues\": ").append(found);
        json.append(", \"node_columns\": ").append(columns(model.getNodeTable()));
        json.append(", \"edge_columns\": ").append(columns(model.getEdgeTable()));
        TreeSet<String> labels = new TreeSet<>();
        List<String> nodes = new ArrayList<>();
        for (Node node : model.getGraph().getNodes()) {
            labels.add(String.valueOf(node.getLabel()));
            nodes.add("{\"id\": " + quote(String.valueOf(node.getId())) + ", \"label\": " + quote(node.getLabel())
                    + ", \"color\": " + quote(hex(node.getColor())) + ", \"size\": " + node.size()
                    + ", \"attributes\": " + attributes(node, model.getNodeTable()) + "}");
        }
        json.append(", \"labels\": ").append(labels.size());
        List<String> edges = new ArrayList<>();
        for (Edge edge : model.getGraph().getEdges()) {
            edges.add("{\"id\": " + quote(String.valueOf(edge.getId())) + ", \"source\": "
                    + quote(String.valueOf(edge.getSource().getId())) + ", \"target\": "
                    + quote(String.valueOf(edge.getTarget().getId())) + ", \"label\": " + quote(edge.getLabel())
                    + ", \"attributes\": " + attributes(edge, model.getEdgeTable()) + "}");
        }
        json.append(", \"node_list\": [").append(String.join(", ", nodes)).append("]");
        json.append(", \"edge_list\": [").append(String.join(", ", edges)).append("]");
        return json.append("}").toString();
    }

    static String issues(Collection<Issue> found) {
        List<String> items = new ArrayList<>();
        for (Issue issue : found) {
            items.add("{\"level\": " + quote(issue.getLevel().name()) + ", \"message\": " + quote(issue.getMessage()) + "}");
        }
        return "[" + String.join(", ", items) + "]";
    }

    static String columns(Table table) {
        List<String> items = new ArrayList<>();
        for (Column column : table) {
            items.add("{\"id\": " + quote(column.getId()) + ", \"title\": " + quote(column.getTitle())
                    + ", \"type\": " + quote(column.getTypeClass().getSimpleName())
                    + ", \"property\": " + column.isProperty() + "}");
        }
        return "[" + String.join(", ", items) + "]";
    }

    static String attributes(org.gephi.graph.api.Element element, Table table) {
        List<String> items = new ArrayList<>();
        for (Column column : table) {
            if (column.isProperty()) {
                continue;  // id, label, interval: reported on their own
            }
            Object value = element.getAttribute(column);
            if (value != null) {
                String text = value instanceof Number || value instanceof Boolean ? value.toString() : quote(value.toString());
                items.add(quote(column.getId()) + ": " + text);
            }
        }
        return "{" + String.join(", ", items) + "}";
    }

    static String hex(Color color) {
        return color == null ? null : String.format("#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
