package jp.kakaritsuke.peers.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import java.util.Arrays;
import java.util.Map;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.facility.domain.Prefectures;
import jp.kakaritsuke.peers.domain.BedBand;
import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.PeerGroup;
import jp.kakaritsuke.peers.service.PeerService;
import org.springframework.security.access.AccessDeniedException;

/**
 * 「条件を指定」: a peer group by attributes, starting from the default group. The kind is the facility's own; the
 * choices are those that fit it (bed bands, designations), a region or a prefecture (choosing one clears the other).
 * The service's rule ({@code PeerGroup.validate()}) decides; its messages are shown above the button and at the fields.
 */
class PeerGroupForm extends Div {

    private final PeerService peers;
    private final long roundId;
    private final PeerGroup start;
    final Select<BedBand> bedBand = new Select<>();
    final Select<AreaType> areaType = new Select<>();
    final Select<Region> region = new Select<>();
    final ComboBox<String> prefecture = new ComboBox<>();
    final CheckboxGroup<Designation> designations = new CheckboxGroup<>();
    final Div errors = new Div();
    final Button compare;
    final PeerResult result;

    PeerGroupForm(PeerService peers, long roundId, PeerGroup start, CaseLibrary library) {
        this.peers = peers;
        this.roundId = roundId;
        this.start = start;
        addClassName("peer-group-form");
        setWidthFull();
        Paragraph about = new Paragraph(getTranslation("peers.custom.about", getTranslation("facilityType." + start.kind().name())));
        about.addClassName("peer-about");

        bedBand.setLabel(getTranslation("peers.custom.bedBand"));
        bedBand.setItems(Arrays.stream(BedBand.values()).filter(b -> b.kind() == start.kind()).toList());
        bedBand.setItemLabelGenerator(b -> b == null ? getTranslation("peers.custom.any") : getTranslation("peers.bedBand." + b.name()));
        bedBand.setEmptySelectionAllowed(true);
        bedBand.setEmptySelectionCaption(getTranslation("peers.custom.any"));
        bedBand.setValue(start.bedBand());

        areaType.setLabel(getTranslation("peers.custom.areaType"));
        areaType.setItems(AreaType.values());
        areaType.setItemLabelGenerator(a -> a == null ? getTranslation("peers.custom.any") : getTranslation("areaType." + a.name()));
        areaType.setEmptySelectionAllowed(true);
        areaType.setEmptySelectionCaption(getTranslation("peers.custom.any"));
        areaType.setValue(start.areaType());

        region.setLabel(getTranslation("peers.custom.region"));
        region.setItems(Region.values());
        region.setItemLabelGenerator(r -> r == null ? getTranslation("peers.custom.any") : getTranslation("region." + r.name()));
        region.setEmptySelectionAllowed(true);
        region.setEmptySelectionCaption(getTranslation("peers.custom.any"));
        region.setValue(start.region());
        region.setHelperText(getTranslation("peers.custom.regionOrPrefecture"));

        prefecture.setLabel(getTranslation("peers.custom.prefecture"));
        prefecture.setItems(Prefectures.ALL);
        prefecture.setClearButtonVisible(true);
        prefecture.setPlaceholder(getTranslation("peers.custom.any"));
        prefecture.setValue(start.prefecture());
        // a region or a prefecture: choosing one clears the other
        region.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                prefecture.clear();
            }
        });
        prefecture.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                region.clear();
            }
        });

        designations.setLabel(getTranslation("peers.custom.designations"));
        designations.setItems(PeersSection.designationsOf(start.kind()));
        designations.setItemLabelGenerator(d -> getTranslation("designation." + d.name()));
        designations.setValue(start.designations());
        designations.setVisible(!PeersSection.designationsOf(start.kind()).isEmpty());

        FormLayout fields = new FormLayout(bedBand, areaType, region, prefecture, designations);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        fields.setColspan(designations, 2);
        bedBand.setVisible(bedBand.getListDataView().getItemCount() > 1);

        errors.addClassName("peer-form-errors");
        errors.getElement().setAttribute("role", "alert");
        errors.setVisible(false);
        compare = new Button(getTranslation("peers.custom.compare"), e -> compare());
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.addClassName("peer-compare");
        result = new PeerResult(library, "");
        result.about.setVisible(false);
        add(about, fields, errors, compare, result);
    }

    PeerGroup group() {
        return new PeerGroup(start.kind(), bedBand.getValue(), areaType.getValue(), region.getValue(),
                prefecture.getValue() == null || prefecture.getValue().isBlank() ? null : prefecture.getValue(),
                designations.getValue());
    }

    void compare() {
        Map<String, HasValidation> byField = Map.of("bedBand", bedBand, "areaType", areaType, "region", region,
                "prefecture", prefecture, "designations", designations, "designation", designations);
        byField.values().forEach(f -> f.setInvalid(false));
        errors.removeAll();
        errors.setVisible(false);
        PeerGroup group = group();
        try {
            PeerComparison c = peers.group(roundId, group);
            result.about.setText(getTranslation("peers.custom.describe", PeersSection.describe(group, this::getTranslation)));
            result.about.setVisible(true);
            result.show(c);
        } catch (InvalidInputException e) {
            // every problem at once, above the button, and the fields they are about marked
            UnorderedList list = new UnorderedList();
            e.messageKeys().forEach(k -> list.add(new ListItem(getTranslation(k))));
            errors.add(list);
            errors.setVisible(true);
            e.fields().stream().map(byField::get).filter(java.util.Objects::nonNull).forEach(f -> f.setInvalid(true));
            result.show(null);
            result.about.setVisible(false);
        } catch (AccessDeniedException e) {
            errors.add(new Paragraph(getTranslation("peers.denied")));
            errors.setVisible(true);
        }
    }
}
