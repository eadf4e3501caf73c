package jp.kakaritsuke;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * かかりつけ医機能 self-assessment. Feature modules live in the sub-packages (see docs/architecture.md).
 */
@SpringBootApplication
// Vaadin 25 does not load Lumo by itself.
@StyleSheet(Lumo.STYLESHEET)
@CssImport("./styles/app.css")
public class KakaritsukeApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(KakaritsukeApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("かかりつけ医機能 自己評価");
    }
}
