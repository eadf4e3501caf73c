package jp.kakaritsuke.facility.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The facility form's counts read what an IME types (「１２０」) and keep, flagged, what is not a whole number. */
@SpringBootTest
class FacilityFormNumbersTest extends SpringBrowserlessTest {

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void fullWidthDigitsAreNumbersAndOtherTextStaysFlagged() {
        Fixtures.asAdmin();
        FacilityForm form = navigate(FacilityAdminView.class).form;
        form.name.setValue("柏の葉病院");
        form.type.setValue(FacilityKind.HOSPITAL);
        form.prefecture.setValue("千葉県");
        form.bedsGeneral.setValue("１２０");
        form.doctorsFullTime.setValue(" 1,2 ");
        assertThat(form.validateAndShow()).isTrue();
        assertThat(form.getProfile().bedsGeneral()).isEqualTo(120);
        assertThat(form.getProfile().doctorsFullTime()).isEqualTo(12);

        form.bedsLongTerm.setValue("十");
        form.doctorsPartTime.setValue("2.5");
        assertThat(form.validateAndShow()).isFalse();
        assertThat(form.bedsLongTerm.isInvalid()).isTrue();
        assertThat(form.bedsLongTerm.getErrorMessage()).isEqualTo("病床数は0〜3000の整数で入力してください");
        assertThat(form.bedsLongTerm.getValue()).isEqualTo("十");
        assertThat(form.doctorsPartTime.isInvalid()).isTrue();
        assertThat(form.doctorsPartTime.getValue()).isEqualTo("2.5");
        // only the fields at fault are marked
        assertThat(form.bedsGeneral.isInvalid()).isFalse();

        form.bedsGeneral.setValue("５０００");
        form.bedsLongTerm.setValue("");
        form.doctorsPartTime.setValue("");
        assertThat(form.validateAndShow()).isFalse();
        assertThat(form.bedsGeneral.isInvalid()).isTrue();
        assertThat(form.bedsGeneral.getValue()).isEqualTo("５０００");
    }
}
