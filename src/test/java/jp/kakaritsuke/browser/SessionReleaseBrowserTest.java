package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.SpringServlet;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * Issue 10: the UI of a closed tab does not stay in memory. Two tabs of one browser share a Vaadin session with
 * a UI each; closing one makes Flow's client send its unload beacon (on pagehide), and the UI leaves the session at
 * once. Tabs that die without a beacon lose their UI after three missed heartbeats (vaadin.heartbeatInterval).
 * The sessions are recorded by a listener added to the running Vaadin service for this test only, so that the test
 * shares the Spring context (and its server) of the other browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionReleaseBrowserTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    ServletRegistrationBean<SpringServlet> vaadinServlet;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Browser.release(driver);
        }
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        Browser.assertNoCspViolations(driver);
    }

    @Test
    void theUiOfAClosedTabLeavesTheSession() throws Exception {
        WebDriverWait wait = Browser.waitFor(driver);
        if (vaadinServlet.getServlet().getService() == null) { // the servlet starts with the first request
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
        List<VaadinSession> sessions = new CopyOnWriteArrayList<>();
        Registration recording = vaadinServlet.getServlet().getService()
                .addSessionInitListener(init -> sessions.add(init.getSession()));
        try {
            walk(wait, sessions);
        } finally {
            recording.remove();
        }
    }

    private void walk(WebDriverWait wait, List<VaadinSession> sessions) {
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
}
