package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the copy bundled in {@code com.deque.html.axe-core:selenium}, test scope) run in the page under test.
 * The rules are axe's WCAG 2.0/2.1 A and AA rules plus the few best-practice rules issue 11 names (landmarks, one
 * h1, empty table headers); other best-practice findings are printed but do not fail. See docs/accessibility.md.
 */
final class Axe {

    /** The WCAG levels the product promises (docs/accessibility.md). */
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** Best-practice rules measured in issue 11 and held to zero as well. */
    static final Set<String> REQUIRED_BEST_PRACTICES = Set.of("region", "landmark-one-main", "page-has-heading-one",
            "empty-table-header", "landmark-no-duplicate-main", "landmark-main-is-top-level");

    private static String script;

    private Axe() {
    }

    /** One failed rule with its impact and the first offending nodes (their CSS selectors and axe's summary). */
    record Violation(String rule, String impact, String help, int count, List<String> nodes) {
        @Override
        public String toString() {
            return rule + " [" + impact + "] " + help + " (" + count + " nodes)\n      " + String.join("\n      ", nodes);
        }
    }

    /** Runs axe on the whole document and returns the violations that count (see the class comment). */
    @SuppressWarnings("unchecked")
    static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axeSource());
        }
        List<String> tags = new ArrayList<>(WCAG_TAGS);
        tags.add("best-practice");
        Map<String, Object> results = (Map<String, Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                // Vaadin's development tools (Copilot, the dev-tools badge) are injected in development mode only and
                // are not in the production jar: they are not our pages
                axe.run({exclude: [['copilot-main'], ['vaadin-dev-tools']]}, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                       tags: v.tags, nodes: v.nodes.map(n => n.target.join(' >>> ') + ' :: ' + n.failureSummary)}))}))
                   .catch(e => done({error: String(e)}));""", tags);
        assertThat(results.get("error")).as("axe.run failed").isNull();
        List<Violation> counted = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) results.get("violations")) {
            String id = (String) v.get("id");
            List<String> ruleTags = (List<String>) v.get("tags");
            List<String> nodes = (List<String>) v.get("nodes");
            Violation violation = new Violation(id, String.valueOf(v.get("impact")), (String) v.get("help"), nodes.size(),
                    nodes.stream().limit(3).map(n -> n.replace('\n', ' ')).toList());
            if (ruleTags.stream().anyMatch(WCAG_TAGS::contains) || REQUIRED_BEST_PRACTICES.contains(id)) {
                counted.add(violation);
            } else {
                System.out.println("axe best practice (not counted): " + violation);
            }
        }
        return counted;
    }

    /** Fails with every counted violation's rule, impact and first nodes. */
    static void assertNoViolations(WebDriver driver, String page) {
        List<Violation> found = violations(driver);
        found.forEach(v -> System.out.println("axe " + page + ": " + v));
        assertThat(found).as("axe-core violations on " + page + ":\n" + found.stream().map(Violation::toString)
                .reduce("", (a, b) -> a + "  " + b + "\n")).isEmpty();
    }

    private static synchronized String axeSource() {
        if (script == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js not on the test classpath (com.deque.html.axe-core:selenium)");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
