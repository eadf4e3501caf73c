package jp.kakaritsuke.associations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.RoundNoticeService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rollup page's round section (issue 13): opening a round reports every problem at once and leaves no red after
 * success; the round shows how many members its mails reached, and the consenting member by name with when it was
 * notified and reminded.
 */
@SpringBootTest
class RoundNoticeViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    FacilityService facilities;

    @Autowired
    RoundNoticeService notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestMailbox mailbox;

    @Autowired
    Clock clock;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void showsWhoWasNotifiedAndRemindedWhen() {
        Fixtures.asAdmin();
        long association = admin.create("愛媛県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "愛媛県", null);
        FacilityProfile consenting = null;
        String consentingEditor = null;
        for (int i = 0; i < 4; i++) {
            FacilityProfile f = fixtures.facility(FacilityKind.CLINIC);
            String editor = fixtures.member(f, MemberRole.EDITOR);
            if (i == 0) {
                facilities.setConsent(f.id(), true);
                consenting = f;
                consentingEditor = editor;
            }
            Fixtures.asAdmin();
            admin.addFacility(association, f.id());
        }
        String staff = fixtures.associationAdmin(association);
        Fixtures.as(staff);
        AssociationRollupView view = navigate(AssociationRollupView.class, association);

        // both problems at once; nothing typed is lost
        view.roundName.setValue(" ");
        view.roundDeadline.setValue(LocalDate.now(clock));
        view.openRound(association);
        assertThat(view.roundName.isInvalid()).isTrue();
        assertThat(view.roundName.getErrorMessage()).isEqualTo("ラウンド名を入力してください (100文字以内)");
        assertThat(view.roundDeadline.isInvalid()).isTrue();
        assertThat(view.roundDeadline.getErrorMessage()).isEqualTo("締切は明日以降の日付にしてください");
        assertThat(view.roundDeadline.getValue()).isEqualTo(LocalDate.now(clock));

        LocalDate deadline = LocalDate.now(clock).plusDays(5);
        view.roundName.setValue("愛媛の調査");
        view.roundDeadline.setValue(deadline);
        view.openRound(association);
        assertThat(view.roundName.isInvalid()).isFalse();
        assertThat(view.roundDeadline.isInvalid()).isFalse();
        assertThat(view.roundName.getValue()).isEmpty();
        assertThat(test(view.roundsGrid).size()).isEqualTo(1);
        // all four members' editors were told; nobody reminded yet
        assertThat(test(view.roundsGrid).getCellText(0, 6)).isEqualTo("4");
        assertThat(test(view.roundsGrid).getCellText(0, 7)).isEqualTo("0");

        List<Grid<Object>> grids = detailGrids(view);
        assertThat(test(grids.get(0)).getCellText(0, 6)).isEqualTo("4"); // per municipality: notified
        assertThat(test(grids.get(0)).getCellText(0, 7)).isEqualTo("0"); // without address
        assertThat(test(grids.get(1)).getCellText(0, 0)).isEqualTo(consenting.name());
        assertThat(test(grids.get(1)).getCellText(0, 3)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(1名\\)");
        assertThat(test(grids.get(1)).getCellText(0, 4)).isEqualTo("—");

        // days later the reminder run finds nobody has submitted: the page says when each was reminded
        jdbc.sql("UPDATE association_round SET opened_at = ? WHERE association_id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(3))), association).update();
        Fixtures.anonymous();
        notices.remindDue();
        Fixtures.as(staff);
        view = navigate(AssociationRollupView.class, association);
        assertThat(test(view.roundsGrid).getCellText(0, 7)).isEqualTo("4");
        grids = detailGrids(view);
        assertThat(test(grids.get(1)).getCellText(0, 4)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(1名\\)");

        // the editor follows the reminder's link: the assessment page, where the round is asked of the facility
        TestMailbox.ReceivedMail reminder = mailbox.awaitMail(Fixtures.mail(consentingEditor), MailKind.ROUND_REMINDER);
        assertThat(reminder.body()).contains(consenting.name()).contains("愛媛の調査").contains(deadline.toString());
        Fixtures.as(consentingEditor);
        Component home = navigate(reminder.path(), Component.class);
        assertThat(home.getClass().getSimpleName()).isEqualTo("AssessmentHomeView");
        assertThat(home.getElement().getTextRecursively()).contains(consenting.name())
                .contains("「愛媛の調査」の自己評価の依頼があります (締切 " + deadline + ")");
    }

    @SuppressWarnings("unchecked")
    private List<Grid<Object>> detailGrids(AssociationRollupView view) {
        var details = view.roundDetails(test(view.roundsGrid).getRow(0));
        view.add(details); // as the grid's details row shows it
        return details.getChildren().filter(c -> c instanceof Grid).map(c -> (Grid<Object>) c).toList();
    }
}
