package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Issue 10: the UI of a closed tab does not stay in memory. Two tabs of one browser share a Vaadin session with
 * a UI each; closing one makes Flow's client send its unload beacon (on pagehide), and the UI leaves the session at
 * once. Tabs that die without a beacon lose their UI after three missed heartbeats (vaadin.heartbeatInterval).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SessionReleaseBrowserTest.SessionRecorder.class)
class SessionReleaseBrowserTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    SessionRecorder.Sessions recorded;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        Browser.assertNoCspViolations(driver);
    }

    @Test
    void theUiOfAClosedTabLeavesTheSession() {
        WebDriverWait wait = Browser.waitFor(driver);
        List<VaadinSession> sessions = recorded.list();
        sessions.clear();
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")));
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")));

        assertThat(sessions).hasSize(1);
        VaadinSession session = sessions.getFirst();
        wait.until(d -> uis(session) == 2);
        assertThat(session.getService().getDeploymentConfiguration().getHeartbeatInterval()).isEqualTo(60);

        driver.close();
        driver.switchTo().window(first);
        wait.until(d -> uis(session) == 1);
    }

    private static int uis(VaadinSession session) {
        session.lock();
        try {
            return session.getUIs().size();
        } finally {
            session.unlock();
        }
    }

    @TestConfiguration
    static class SessionRecorder {
        /** A holder: a bare List of VaadinSession would be resolved as Vaadin's session-scoped bean. */
        record Sessions(List<VaadinSession> list) {
        }

        @Bean
        Sessions vaadinSessions() {
            return new Sessions(new CopyOnWriteArrayList<>());
        }

        @Bean
        VaadinServiceInitListener recordVaadinSessions(Sessions sessions) {
            return event -> {
                VaadinService service = event.getSource();
                service.addSessionInitListener(init -> sessions.list().add(init.getSession()));
            };
        }
    }
}
