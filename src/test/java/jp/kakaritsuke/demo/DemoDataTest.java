package jp.kakaritsuke.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Demo data appears on the embedded default (here forced on, as in application.properties) and never on the
 * mariadb profile, even when the property asks for it.
 */
@SpringBootTest(properties = "app.demo.enabled=true")
class DemoDataTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Autowired
    FacilityService facilities;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void demoFacilitiesWithUsersAndSubmittedRoundsOnlyOffMariaDb() {
        boolean mariadb = Arrays.asList(environment.getActiveProfiles()).contains("mariadb");
        Fixtures.asAdmin();
        var demo = facilities.visibleFacilities().stream().filter(f -> f.name().endsWith("(デモ)")).toList();
        if (mariadb) {
            assertThat(context.getBeanNamesForType(DemoData.class)).isEmpty();
            assertThat(demo).isEmpty();
            return;
        }
        DemoAssertions.assertCompleteDemo(context);
        // seeding twice changes nothing
        Fixtures.asAdmin();
        context.getBean(DemoData.class).seed();
        assertThat(facilities.visibleFacilities().stream().filter(f -> f.name().endsWith("(デモ)"))).hasSize(34);
    }
}
