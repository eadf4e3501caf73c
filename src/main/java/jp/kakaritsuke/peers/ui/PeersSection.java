package jp.kakaritsuke.peers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Route;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import jp.kakaritsuke.base.ui.Confirmation;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.PeerComparison.Withheld;
import jp.kakaritsuke.peers.domain.PeerConsent;
import jp.kakaritsuke.peers.domain.PeerGroup;
import jp.kakaritsuke.peers.service.PeerService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * 「同じような施設との比較」 on a submitted round's result: the facility's benchmarking consent (what counting means,
 * the switch for editors) and, when it counts itself (give to get), the round among the default group, the recommended
 * peers and a group the user defines. Rebuilt after every consent change, which says what happened.
 */
// never a page (not registered): its own chunk of the production bundle, loaded where it is shown (base.ui.extension)
@Route(value = "chunk/peers-section", registerAtStartup = false)
class PeersSection extends VerticalLayout {

    private final PeerService peers;
    private final long roundId;
    private final long facilityId;
    private final CaseLibrary library;
    private final DateTimeFormatter time;
    /** What the last consent change did; shown in the card after the section is rebuilt. */
    private @Nullable String done;

    @Nullable Button consentButton;
    @Nullable Tabs tabs;
    @Nullable PeerResult defaultResult;
    @Nullable PeerResult recommendedResult;
    @Nullable PeerGroupForm form;

    PeersSection(PeerService peers, long roundId, long facilityId, CaseLibrary library, DateTimeFormatter time) {
        this.peers = peers;
        this.roundId = roundId;
        this.facilityId = facilityId;
        this.library = library;
        this.time = time;
        addClassName("peers-section");
        setPadding(false);
        setWidthFull();
        show();
    }

    void show() {
        removeAll();
        consentButton = null;
        tabs = null;
        defaultResult = null;
        recommendedResult = null;
        form = null;
        add(new H3(getTranslation("peers.title")));
        PeerConsent consent;
        PeerComparison standard;
        try {
            consent = peers.consent(facilityId);
            standard = peers.defaultGroup(roundId);
        } catch (AccessDeniedException e) {
            add(note("peers.denied", "peer-denied"));
            return;
        }
        if (standard.withheld() == Withheld.NOT_COMPARABLE) {
            add(note("peers.withheld.NOT_COMPARABLE", "peer-withheld"));
            return;
        }
        add(consentCard(consent));
        if (!consent.consenting() || standard.withheld() == Withheld.NO_CONSENT) {
            add(note("peers.withheld.NO_CONSENT", "peer-withheld"));
            if (consent.canChange()) {
                add(note("peers.noConsent.editor", "hint"));
            }
            return;
        }
        defaultResult = new PeerResult(library, getTranslation("peers.default.about", describe(standard.group(), this::getTranslation)));
        defaultResult.show(standard);
        Div recommendedHolder = new Div();
        Div customHolder = new Div();
        List<Div> holders = List.of(new Div(defaultResult), recommendedHolder, customHolder);
        holders.forEach(h -> h.setWidthFull());
        Tab defaultTab = new Tab(getTranslation("peers.tab.default"));
        Tab recommendedTab = new Tab(getTranslation("peers.tab.recommended"));
        Tab customTab = new Tab(getTranslation("peers.tab.custom"));
        defaultTab.addClassName("peer-tab-default");
        recommendedTab.addClassName("peer-tab-recommended");
        customTab.addClassName("peer-tab-custom");
        Tabs bar = new Tabs(defaultTab, recommendedTab, customTab);
        bar.addClassName("peer-tabs");
        bar.setWidthFull();
        // the other groups are counted only when someone asks for them; a view once shown is kept as it was
        bar.addSelectedChangeListener(e -> {
            int index = bar.getSelectedIndex();
            if (index == 1 && recommendedResult == null) {
                showRecommended(recommendedHolder);
            } else if (index == 2 && form == null) {
                showCustom(customHolder);
            }
            for (int i = 0; i < holders.size(); i++) {
                holders.get(i).setVisible(i == index);
            }
        });
        recommendedHolder.setVisible(false);
        customHolder.setVisible(false);
        Div views = new Div();
        views.addClassName("peer-views");
        views.setWidthFull();
        holders.forEach(views::add);
        tabs = bar;
        add(bar, views);
    }

    void showRecommended(Div holder) {
        recommendedResult = new PeerResult(library, getTranslation("peers.recommended.about"));
        holder.add(recommendedResult);
        try {
            recommendedResult.show(peers.recommended(roundId));
        } catch (AccessDeniedException e) {
            holder.removeAll();
            holder.add(note("peers.denied", "peer-denied"));
        }
    }

    void showCustom(Div holder) {
        try {
            form = new PeerGroupForm(peers, roundId, peers.defaultGroupOf(roundId), library);
            holder.add(form);
        } catch (AccessDeniedException e) {
            holder.add(note("peers.denied", "peer-denied"));
        }
    }

    /** Selects a tab by its index (0 default, 1 recommended, 2 custom), as a click on it would. */
    void select(int index) {
        if (tabs != null) {
            tabs.setSelectedIndex(index);
        }
    }

    private Div consentCard(PeerConsent consent) {
        Div card = new Div();
        card.addClassName("peer-consent");
        UnorderedList points = new UnorderedList();
        for (String key : List.of("peers.consent.what", "peers.consent.never", "peers.consent.threshold",
                "peers.consent.withdraw", "peers.consent.giveToGet")) {
            points.add(new ListItem(getTranslation(key)));
        }
        Paragraph state = new Paragraph(state(consent));
        state.addClassName("peer-consent-state");
        card.add(new H4(getTranslation("peers.consent.title")), points, state);
        if (done != null) {
            Paragraph result = new Paragraph(done);
            result.addClassName("peer-consent-done");
            result.getElement().setAttribute("role", "status");
            card.add(result);
            done = null;
        }
        if (consent.canChange()) {
            Button button = consent.consenting()
                    ? new Button(getTranslation("peers.consent.leave"), e -> Confirmation.ask(
                            getTranslation("peers.consent.leave.title"), getTranslation("peers.consent.leave.text"),
                            getTranslation("peers.consent.leave"), true, () -> change(false)))
                    : new Button(getTranslation("peers.consent.join"), e -> change(true));
            if (!consent.consenting()) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            button.addClassName("peer-consent-button");
            consentButton = button;
            card.add(button);
        } else {
            card.add(note("peers.consent.askEditor", "hint"));
        }
        return card;
    }

    /** When it was last chosen; not by whom (the record holds a login name, which pages never show). */
    private String state(PeerConsent consent) {
        String state = getTranslation(consent.consenting() ? "peers.consent.on" : "peers.consent.off");
        // one pattern per language: the space before the English bracket was lost when the two strings were joined
        return consent.changedAt() == null ? state
                : getTranslation("peers.consent.stateChanged", state, time.format(consent.changedAt()));
    }

    void change(boolean consenting) {
        try {
            peers.setConsent(facilityId, consenting);
        } catch (AccessDeniedException e) {
            Notification.show(getTranslation("peers.consent.denied")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        done = getTranslation(consenting ? "peers.consent.joined" : "peers.consent.left");
        Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        show();
    }

    private Paragraph note(String key, String className) {
        Paragraph p = new Paragraph(getTranslation(key));
        p.addClassName(className);
        return p;
    }

    /** The group in words ({@link PeerGroup#describe}); empty when there is none. */
    static String describe(@Nullable PeerGroup group, Function<String, String> t) {
        return group == null ? "" : group.describe(t);
    }

    /** The designations a facility of the kind can hold (the group rule's own test): what the custom form offers. */
    static List<Designation> designationsOf(jp.kakaritsuke.base.FacilityKind kind) {
        return java.util.Arrays.stream(Designation.values()).filter(d -> PeerGroup.fits(d, kind)).toList();
    }
}
