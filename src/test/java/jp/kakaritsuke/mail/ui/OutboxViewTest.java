package jp.kakaritsuke.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import java.time.Clock;
import java.util.UUID;
import jp.kakaritsuke.base.ui.RouteNotFoundView;
import jp.kakaritsuke.base.ui.CopyableText;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.mail.domain.MailState;
import jp.kakaritsuke.mail.domain.OutboxRepository;
import jp.kakaritsuke.mail.service.MailDelivery;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** 送信メール: administrators search the outbox and open a mail (a kept one with its link to copy); others are refused. */
@SpringBootTest
class OutboxViewTest extends SpringBrowserlessTest {

    @Autowired
    OutboxRepository outbox;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    @Autowired
    MailDelivery delivery;

    @Autowired
    TestMailbox mailbox;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    long kept(String to, String name, String link) {
        return outbox.insert(new OutboxRepository.NewMail(clock.instant(), MailKind.FACILITY_INVITATION.name(), to, name, null,
                null, null, "招待 / Invitation", name + " 様\n\n" + link + "\n", link, MailState.KEPT));
    }

    @Test
    void administratorsSearchAndOpenAMailWithItsLink() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String link = "http://localhost:8080/invite/" + tag;
        kept("x" + tag + "@example.jp", "山田 " + tag, link);
        kept("y" + tag + "@example.jp", "田中 " + tag, link + "-2");

        Fixtures.asAdmin();
        OutboxView view = navigate(OutboxView.class);
        assertThat(view.mode.getText()).contains("メールサーバー");
        test(view.search).setValue(tag);
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("田中 " + tag + " <y" + tag + "@example.jp>");
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("施設への招待");
        assertThat(test(view.grid).getCellText(0, 4)).isEqualTo("保管");
        test(view.search).setValue("x" + tag);
        assertThat(test(view.grid).size()).isEqualTo(1);
        test(view.state).selectItem("送信済み");
        assertThat(test(view.grid).size()).isZero();
        view.state.clear();
        assertThat(test(view.grid).size()).isEqualTo(1);

        test(view.grid).clickRow(0);
        Dialog dialog = view.details;
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getChildren().filter(Pre.class::isInstance).findFirst().map(c -> ((Pre) c).getText()))
                .hasValueSatisfying(body -> assertThat(body).contains("山田 " + tag + " 様", link));
        assertThat(dialog.getChildren().filter(CopyableText.class::isInstance).findFirst().map(c -> ((CopyableText) c).getValue()))
                .hasValue(link);

        // too long a search is said, not silently empty
        test(view.search).setValue("x".repeat(255));
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("検索語が長すぎます(254文字まで)。");
    }

    @Test
    void aFailedMailIsSentAgainFromItsDialog() {
        String to = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "@example.jp";
        mailbox.unreachable(to);
        long id = outbox.insert(new OutboxRepository.NewMail(clock.instant(), MailKind.PASSWORD_CHANGED.name(), to, "再送 太郎",
                null, null, null, "件名 / Subject", "本文\n", null, MailState.PENDING));
        java.time.Instant now = clock.instant();
        MailDelivery.Outcome outcome = null;
        for (int i = 0; i < delivery.maxAttempts() && outcome != MailDelivery.Outcome.FAILED; i++) {
            outcome = delivery.deliver(id, now);
            now = now.plus(java.time.Duration.ofDays(1));
        }
        assertThat(outcome).isEqualTo(MailDelivery.Outcome.FAILED);
        mailbox.reachable(to);

        Fixtures.asAdmin();
        OutboxView view = navigate(OutboxView.class);
        test(view.search).setValue(to);
        assertThat(test(view.grid).getCellText(0, 4)).isEqualTo("送信失敗");
        assertThat(test(view.grid).getCellText(0, 6)).startsWith("送信失敗: ").contains("MailSendException");
        view.open(view.grid.getGenericDataView().getItem(0));
        assertThat(view.details.getFooter().getElement().getTextRecursively()).contains("再送する");

        view.retry(view.grid.getGenericDataView().getItem(0));
        assertThat(view.details.isOpened()).isFalse();
        assertThat(mailbox.awaitMail(to, MailKind.PASSWORD_CHANGED).subject()).isEqualTo("件名 / Subject");
    }

    @Test
    void othersAreRefused() {
        String member = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.as(member);
        // @RolesAllowed("ADMIN"): Vaadin answers a route one may not enter as an unknown one, and the service refuses too
        navigate("admin/outbox", RouteNotFoundView.class);
    }
}
