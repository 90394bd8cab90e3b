package org.flatracoon.lab.reports;

import io.cucumber.plugin.event.Node;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestSourceParsed;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides where each scenario's evidence goes: {@code evidence/<NN>-<feature-slug>/<scenario-slug>}.
 * NN numbers features in the order their first scenario starts. Outline rows share a name, so
 * they get their example row's line ("-line-23"), which is stable across runs and easy to find
 * in the feature file; any other clash gets "-2", "-3"…
 */
final class EvidenceLayout {

    static final String EVIDENCE = "evidence";

    /** Where one scenario's evidence goes, and the feature name to show for it. */
    record Placement(String featureName, String evidencePath) {
    }

    private record FeatureFolder(String name, Set<String> takenScenarioSlugs) {
    }

    private final Map<URI, Node.Feature> parsedFeatures = new HashMap<>();
    private final Map<URI, FeatureFolder> featureFolders = new HashMap<>();

    /** Cucumber announces every parsed feature before running it: that is where feature names live. */
    synchronized void sourceParsed(TestSourceParsed event) {
        event.getNodes().stream()
                .filter(Node.Feature.class::isInstance)
                .map(Node.Feature.class::cast)
                .findFirst()
                .ifPresent(feature -> parsedFeatures.put(event.getUri(), feature));
    }

    synchronized Placement place(TestCase testCase) {
        String featureName = featureName(testCase.getUri());
        FeatureFolder feature = featureFolders.computeIfAbsent(testCase.getUri(), uri -> new FeatureFolder(
                String.format(Locale.ROOT, "%02d-%s", featureFolders.size() + 1, Slugs.slug(featureName)),
                new HashSet<>()));
        int line = testCase.getLocation().getLine();
        String slug = Slugs.slug(testCase.getName());
        if (isOutlineRow(testCase)) {
            String suffix = "-line-" + line;
            slug = Slugs.slug(slug, Slugs.MAX_LENGTH - suffix.length()) + suffix;
        }
        String scenarioFolder = Slugs.unique(slug, feature.takenScenarioSlugs());
        return new Placement(featureName, EVIDENCE + "/" + feature.name() + "/" + scenarioFolder);
    }

    private String featureName(URI uri) {
        Node.Feature feature = parsedFeatures.get(uri);
        String name = feature == null ? "" : feature.getName().orElse("").trim();
        return name.isEmpty() ? fileStem(uri) : name;
    }

    private boolean isOutlineRow(TestCase testCase) {
        Node.Feature feature = parsedFeatures.get(testCase.getUri());
        if (feature == null) {
            // Without the parsed source, fall back on the (English) keyword Cucumber reports.
            String keyword = testCase.getKeyword() == null ? "" : testCase.getKeyword().toLowerCase(Locale.ROOT);
            return keyword.contains("outline") || keyword.contains("template");
        }
        return containsExampleAt(feature.elements(), testCase.getLocation().getLine());
    }

    private static boolean containsExampleAt(Collection<? extends Node> nodes, int line) {
        for (Node node : nodes) {
            if (node instanceof Node.Example && node.getLocation().getLine() == line) {
                return true;
            }
            if (node instanceof Node.Container<?> container && containsExampleAt(container.elements(), line)) {
                return true;
            }
        }
        return false;
    }

    private static String fileStem(URI uri) {
        String path = uri == null ? "" : uri.getSchemeSpecificPart();
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".feature") ? file.substring(0, file.length() - ".feature".length()) : file;
    }
}
