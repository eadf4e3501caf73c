package jp.kakaritsuke;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.vaadin.experimental.FeatureFlags;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.frontend.scanner.ChunkInfo;
import com.vaadin.flow.server.frontend.scanner.ClassFinder;
import com.vaadin.flow.server.frontend.scanner.EntryPointType;
import com.vaadin.flow.server.frontend.scanner.FrontendDependencies;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import jp.kakaritsuke.base.ui.extension.PeerExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production bundle holds every component a page can show (docs/architecture.md, 「Extension points and the
 * production bundle」).
 * <p>
 * {@code ./mvnw -Pproduction package} compiles only the frontend modules Vaadin's scanner ({@link FrontendDependencies},
 * run here on our classes as the build runs it) reaches by bytecode from routes, the layout, the error views and the
 * app shell: one chunk per route, loaded when the route's component is attached. A page of one module receives
 * another module's components through an extension point ({@code base.ui.extension}) as a Spring bean behind an
 * interface, so no route reaches them: they were missing from {@code prod.bundle} (the peers' tabs and distribution
 * chart) or loaded only on other pages (the action plan's dialog and date picker on the home page, the facility form's
 * layout in the questionnaire). Each component an extension hands over is therefore a chunk of its own
 * ({@code @Route(registerAtStartup = false)}: never a page), which Flow loads whenever that component is attached.
 */
class ProductionBundleTest {

    static final Path PROD_BUNDLE = Path.of("src/main/bundles/prod.bundle");
    static final String EXTENSION_PACKAGE = PeerExtension.class.getPackageName();

    static List<Class<?>> mainClasses;
    static FrontendDependencies scan;

    @BeforeAll
    static void scanLikeTheProductionBuild() throws IOException, URISyntaxException {
        String profiles = System.getenv("SPRING_PROFILES_ACTIVE");
        Assumptions.assumeFalse(profiles != null && profiles.contains("mariadb"), "no database: once, in the H2 run");
        Path classes = Path.of(KakaritsukeApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        mainClasses = classesUnder(classes);
        scan = scan(mainClasses);
    }

    /** Nothing of ours is made only by reflection or by a Spring bean the scan cannot see through. */
    @Test
    void everyComponentIsReachedByTheProductionScan() {
        assertThat(unreachedComponents(mainClasses, scan)).isEmpty();
    }

    /** Each component an extension implementation gives another module's page loads with itself, on any page. */
    @Test
    void whatAnExtensionHandsToAPageIsAChunkOfItsOwn() {
        assertThat(extensionComponentsWithoutTheirOwnChunk(mainClasses, scan)).isEmpty();
    }

    /**
     * The committed prod.bundle is the one the code needs: every frontend module of every chunk the scan finds is
     * compiled into it (else: {@code ./mvnw -Pproduction package -DskipTests} and commit src/main/bundles/prod.bundle).
     */
    @Test
    void theProductionBundleHoldsEveryModuleThePagesNeed() throws IOException {
        assertThat(modulesMissingFrom(bundleImports(PROD_BUNDLE), scan)).isEmpty();
    }

    /** The rules on planted code (src/test/java/example/archrules/bundle): they can fail. */
    @Test
    void theRulesFindAPlantedExtensionComponentWithoutAChunk() throws IOException, URISyntaxException {
        Path testClasses = Path.of(ProductionBundleTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> planted = classesUnder(testClasses.resolve("example/archrules/bundle"), "example.archrules.bundle");
        FrontendDependencies plantedScan = scan(planted);

        assertThat(extensionComponentsWithoutTheirOwnChunk(planted, plantedScan))
                .containsExactly("example.archrules.bundle.BareSection (handed over by example.archrules.bundle.PlantedPeersOnPages)");
        assertThat(unreachedComponents(planted, plantedScan)).containsExactly("example.archrules.bundle.BareSection");
        // the chunked section's tabs are a module the bundle must hold; a bundle without them is reported
        assertThat(modulesMissingFrom(Set.of(), plantedScan))
                .containsKey("@vaadin/tabs/src/vaadin-tabs.js");
    }

    // --- the rules -------------------------------------------------------------------------------------------------

    /** Component classes the scan never visits: their modules are in no chunk at all. */
    static List<String> unreachedComponents(Collection<Class<?>> classes, FrontendDependencies scan) {
        return classes.stream()
                .filter(Component.class::isAssignableFrom)
                .map(Class::getName)
                .filter(name -> !scan.getClasses().contains(name))
                .sorted()
                .toList();
    }

    /**
     * The components an extension implementation hands to a page (the component classes a bean implementing a
     * {@code base.ui.extension} interface names, or the component implementing one itself) that are not a lazily
     * loaded chunk of their own: a not registered {@code @Route} that the scan makes a chunk.
     */
    static List<String> extensionComponentsWithoutTheirOwnChunk(Collection<Class<?>> classes, FrontendDependencies scan) {
        Set<String> chunks = new TreeSet<>();
        scan.getModules().keySet().stream()
                .filter(chunk -> chunk.getType() == EntryPointType.ROUTE && !chunk.isEager())
                .map(ChunkInfo::getName)
                .forEach(chunks::add);
        List<Class<?>> implementations = classes.stream().filter(ProductionBundleTest::implementsAnExtension).toList();
        var archClasses = new ClassFileImporter().importClasses(implementations);
        List<String> found = new ArrayList<>();
        for (Class<?> type : implementations) {
            Set<Class<?>> handed = new LinkedHashSet<>();
            if (Component.class.isAssignableFrom(type)) {
                handed.add(type);
            } else {
                archClasses.get(type).getDirectDependenciesFromSelf().stream()
                        .map(Dependency::getTargetClass)
                        .map(JavaClass::getBaseComponentType)
                        .filter(target -> !target.isPrimitive())
                        .map(JavaClass::reflect)
                        .filter(target -> Component.class.isAssignableFrom(target) && target != Component.class)
                        .forEach(handed::add);
            }
            for (Class<?> component : handed) {
                Route route = component.getAnnotation(Route.class);
                boolean ownChunk = route != null && !route.registerAtStartup() && chunks.contains(component.getName());
                if (!ownChunk) {
                    found.add(component.getName() + (component == type ? "" : " (handed over by " + type.getName() + ")"));
                }
            }
        }
        return found.stream().sorted().toList();
    }

    static boolean implementsAnExtension(Class<?> type) {
        if (type.isInterface() || type.getPackageName().equals(EXTENSION_PACKAGE)) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Stream.of(c.getInterfaces()).anyMatch(i -> i.getPackageName().equals(EXTENSION_PACKAGE))) {
                return true;
            }
        }
        return false;
    }

    /** Modules of the scan's chunks that the bundle lacks, each with the chunks (entry points) that need it. */
    static Map<String, Set<String>> modulesMissingFrom(Set<String> bundleImports, FrontendDependencies scan) {
        Map<String, Set<String>> missing = new TreeMap<>();
        scan.getModules().forEach((chunk, modules) -> modules.stream()
                .filter(module -> !inBundle(bundleImports, module))
                .forEach(module -> missing.computeIfAbsent(module, m -> new TreeSet<>())
                        .add(chunk.getName() == null ? chunk.getType().toString() : chunk.getName())));
        return missing;
    }

    /** As the bundle lists them: a project file under Frontend/, a jar's resource under Frontend/generated/jar-resources/. */
    static boolean inBundle(Set<String> bundleImports, String module) {
        if (module.startsWith("./")) {
            String file = module.substring(2);
            return bundleImports.contains("Frontend/" + file) || bundleImports.contains("Frontend/generated/jar-resources/" + file);
        }
        return bundleImports.contains(module);
    }

    /** The modules compiled into a bundle: {@code bundleImports} of its config/stats.json (what Flow itself checks). */
    static Set<String> bundleImports(Path bundle) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile()); InputStream stats = zip.getInputStream(zip.getEntry("config/stats.json"))) {
            Set<String> imports = new TreeSet<>();
            for (JsonNode module : JsonMapper.builder().build().readTree(stats).get("bundleImports")) {
                imports.add(module.asString());
            }
            return imports;
        }
    }

    // --- plumbing ----------------------------------------------------------------------------------------------------

    static FrontendDependencies scan(Collection<Class<?>> classes) {
        // the production build's scanner with our classes (Vaadin's own entry points only add to the global chunk)
        return new FrontendDependencies(new ClassFinder.DefaultClassFinder(new LinkedHashSet<>(classes)), false,
                new FeatureFlags(Lookup.of(new Object(), Object.class)), true);
    }

    static List<Class<?>> classesUnder(Path root) throws IOException {
        return classesUnder(root, "");
    }

    static List<Class<?>> classesUnder(Path root, String packagePrefix) throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                String name = (packagePrefix.isEmpty() ? "" : packagePrefix + ".") + relative.substring(0, relative.length() - ".class".length());
                if (name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                try {
                    classes.add(Class.forName(name, false, ProductionBundleTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name, e);
                }
            }
        }
        return classes;
    }
}
