package jp.kakaritsuke.facility.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasValidation;
import java.util.List;
import java.util.UUID;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** 施設管理: search, the registration dialog (every problem at once, an empty unmarked form after a success). */
@SpringBootTest
class FacilityAdminViewTest extends SpringBrowserlessTest {

    @Autowired
    FacilityService facilities;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void theAdministratorSearchesRegistersInADialogAndGetsAnEmptyUnmarkedFormBack() {
        Fixtures.asAdmin();
        String token = "管理" + UUID.randomUUID().toString().substring(0, 8);
        FacilityAdminView view = navigate(FacilityAdminView.class);
        test(view.search).setValue(token);
        assertThat(test(view.grid).size()).isZero();
        assertThat(view.total.getText()).isEqualTo("全 0 件");

        test(view.register).click();
        assertThat(view.registration.isOpened()).isTrue();
        // nothing marked before the user has done anything
        assertThat(marked(view.form)).isEmpty();
        test(view.create).click();
        // every problem at once: name, type and prefecture
        assertThat(marked(view.form)).contains(view.form.name, view.form.type, view.form.prefecture);
        assertThat(view.registration.isOpened()).isTrue();

        test(view.form.name).setValue(token + " さくら診療所");
        view.form.type.setValue(FacilityKind.CLINIC);
        view.form.prefecture.setValue("千葉県");
        test(view.form.municipality).setValue("柏市");
        test(view.create).click();

        assertThat(view.registration.isOpened()).isFalse();
        assertThat(view.form.name.getValue()).isEmpty();
        assertThat(view.form.type.getValue()).isNull();
        assertThat(marked(view.form)).isEmpty();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo(token + " さくら診療所");
        assertThat(view.total.getText()).isEqualTo("全 1 件");

        // opened again: still empty, still unmarked
        test(view.register).click();
        assertThat(marked(view.form)).isEmpty();
        assertThat(view.form.name.getValue()).isEmpty();
    }

    @Test
    void theListIsLazyAndFindsByPrefectureAndMunicipality() {
        Fixtures.asAdmin();
        FacilityAdminView view = navigate(FacilityAdminView.class);
        // lazy: the grid holds a data provider that asks the service per page, not a list of every facility
        assertThat(view.grid.getDataProvider().isInMemory()).isFalse();
        String token = "柏" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            facilities.create(new jp.kakaritsuke.facility.domain.FacilityProfile(null, 0, "クリニック" + i + " " + token,
                    FacilityKind.CLINIC, i == 2 ? "東京都" : "千葉県", i == 1 ? "流山市" : "柏市", null, null, null, null, 1, 0,
                    java.util.Set.of()));
        }
        test(view.search).setValue(token + " 千葉県");
        assertThat(test(view.grid).size()).isEqualTo(2);
        test(view.search).setValue(token + " 流山");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("クリニック1 " + token);
        assertThat(view.total.getText()).isEqualTo("全 1 件");
    }

    static List<HasValidation> marked(FacilityForm form) {
        return java.util.stream.Stream.<HasValidation>of(form.name, form.type, form.prefecture, form.municipality,
                        form.bedsGeneral, form.bedsLongTerm, form.bedsOther, form.doctorsFullTime, form.doctorsPartTime)
                .filter(HasValidation::isInvalid).toList();
    }
}
