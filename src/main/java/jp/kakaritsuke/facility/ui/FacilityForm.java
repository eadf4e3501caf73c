package jp.kakaritsuke.facility.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.FacilityType;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.domain.Prefectures;

/**
 * The facility's basic data (施設の基本情報). Validates in the browser as the user types (same rules as the service,
 * which checks again); {@link #onValidChange} lets the questionnaire autosave every valid change.
 */
public class FacilityForm extends FormLayout {

    final TextField name = new TextField();
    final RadioButtonGroup<FacilityType> type = new RadioButtonGroup<>();
    final ComboBox<String> prefecture = new ComboBox<>();
    final TextField municipality = new TextField();
    final RadioButtonGroup<AreaType> areaType = new RadioButtonGroup<>();
    final IntegerField bedsGeneral = beds();
    final IntegerField bedsLongTerm = beds();
    final IntegerField bedsOther = beds();
    final IntegerField doctorsFullTime = doctors();
    final IntegerField doctorsPartTime = doctors();
    final CheckboxGroup<Designation> designations = new CheckboxGroup<>();

    private Long id;
    private long version;
    private boolean filling;

    public FacilityForm() {
        name.setLabel(getTranslation("facility.name"));
        name.setMaxLength(200);
        name.setRequiredIndicatorVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        type.setLabel(getTranslation("facility.type"));
        type.setItems(FacilityType.values());
        type.setItemLabelGenerator(t -> getTranslation("facilityType." + t.name()));
        type.setRequiredIndicatorVisible(true);
        prefecture.setLabel(getTranslation("facility.prefecture"));
        prefecture.setItems(Prefectures.ALL);
        prefecture.setRequiredIndicatorVisible(true);
        municipality.setLabel(getTranslation("facility.municipality"));
        municipality.setMaxLength(100);
        municipality.setValueChangeMode(ValueChangeMode.LAZY);
        areaType.setLabel(getTranslation("facility.areaType"));
        areaType.setItems(AreaType.values());
        areaType.setItemLabelGenerator(a -> getTranslation("areaType." + a.name()));
        bedsGeneral.setLabel(getTranslation("facility.bedsGeneral"));
        bedsLongTerm.setLabel(getTranslation("facility.bedsLongTerm"));
        bedsOther.setLabel(getTranslation("facility.bedsOther"));
        doctorsFullTime.setLabel(getTranslation("facility.doctorsFullTime"));
        doctorsPartTime.setLabel(getTranslation("facility.doctorsPartTime"));
        designations.setLabel(getTranslation("facility.designations"));
        designations.setItems(Designation.values());
        designations.setItemLabelGenerator(d -> getTranslation("designation." + d.name()));

        add(name, 2);
        add(type, 2);
        add(prefecture, municipality);
        add(areaType, 2);
        add(bedsGeneral, bedsLongTerm, bedsOther);
        add(doctorsFullTime, doctorsPartTime);
        add(designations, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 3));
    }

    private IntegerField beds() {
        IntegerField f = new IntegerField();
        f.setMin(0);
        f.setMax(FacilityProfile.MAX_BEDS);
        f.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation("facility.unit.beds")));
        f.setStepButtonsVisible(false);
        return f;
    }

    private IntegerField doctors() {
        IntegerField f = new IntegerField();
        f.setMin(0);
        f.setMax(FacilityProfile.MAX_DOCTORS);
        f.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation("facility.unit.doctors")));
        return f;
    }

    public void setProfile(FacilityProfile p) {
        filling = true;
        try {
            id = p == null ? null : p.id();
            version = p == null ? 0 : p.version();
            name.setValue(p == null || p.name() == null ? "" : p.name());
            type.setValue(p == null ? null : p.type());
            prefecture.setValue(p == null ? null : p.prefecture());
            municipality.setValue(p == null || p.municipality() == null ? "" : p.municipality());
            areaType.setValue(p == null ? null : p.areaType());
            bedsGeneral.setValue(p == null ? null : p.bedsGeneral());
            bedsLongTerm.setValue(p == null ? null : p.bedsLongTerm());
            bedsOther.setValue(p == null ? null : p.bedsOther());
            doctorsFullTime.setValue(p == null ? null : p.doctorsFullTime());
            doctorsPartTime.setValue(p == null ? null : p.doctorsPartTime());
            designations.setValue(p == null ? Set.of() : p.designations());
        } finally {
            filling = false;
        }
    }

    /** After a save: keep the user's input, take the new id and version for the next save. */
    public void saved(FacilityProfile saved) {
        this.id = saved.id();
        this.version = saved.version();
    }

    /** The form's content as a profile (not yet validated). */
    public FacilityProfile getProfile() {
        String m = municipality.getValue().strip();
        return new FacilityProfile(id, version, name.getValue().strip(), type.getValue(), prefecture.getValue(),
                m.isEmpty() ? null : m, areaType.getValue(), bedsGeneral.getValue(), bedsLongTerm.getValue(),
                bedsOther.getValue(), doctorsFullTime.getValue(), doctorsPartTime.getValue(),
                designations.getValue().isEmpty() ? Set.of() : EnumSet.copyOf(designations.getValue()));
    }

    /** Shows the profile's problems on the fields; returns true when there are none. */
    public boolean validateAndShow() {
        List<String> errors = getProfile().validate();
        show(errors);
        return errors.isEmpty();
    }

    /** Marks fields for the service's (or our own) error keys. */
    public void show(List<String> errorKeys) {
        mark(name, errorKeys, "facility.error.name", "facility.error.nameLength", "facility.error.nameFormula",
                "facility.error.nameInvisible");
        mark(prefecture, errorKeys, "facility.error.prefecture");
        mark(municipality, errorKeys, "facility.error.municipality", "facility.error.municipalityFormula",
                "facility.error.municipalityInvisible");
        mark(bedsGeneral, errorKeys, "facility.error.beds", "facility.error.clinicBeds");
        mark(bedsLongTerm, errorKeys, "facility.error.beds", "facility.error.clinicBeds");
        mark(bedsOther, errorKeys, "facility.error.beds", "facility.error.clinicBeds");
        mark(doctorsFullTime, errorKeys, "facility.error.doctors");
        mark(doctorsPartTime, errorKeys, "facility.error.doctors");
        type.setInvalid(errorKeys.contains("facility.error.type"));
        type.setErrorMessage(errorKeys.contains("facility.error.type") ? getTranslation("facility.error.type") : null);
    }

    private void mark(com.vaadin.flow.component.HasValidation field, List<String> errors, String... keys) {
        String found = null;
        for (String k : keys) {
            if (errors.contains(k)) {
                found = k;
                break;
            }
        }
        field.setInvalid(found != null);
        field.setErrorMessage(found == null ? null : getTranslation(found));
    }

    /** Calls {@code listener} after every user change (never while {@link #setProfile} fills the form). */
    public void onChange(Consumer<FacilityProfile> listener) {
        fields().forEach(f -> f.addValueChangeListener(e -> {
            if (!filling && e.isFromClient()) {
                listener.accept(getProfile());
            }
        }));
    }

    public void setReadOnly(boolean readOnly) {
        fields().forEach(f -> f.setReadOnly(readOnly));
    }

    private List<com.vaadin.flow.component.HasValue<?, ?>> fields() {
        return List.<com.vaadin.flow.component.HasValue<?, ?>>of(name, type, prefecture, municipality, areaType, bedsGeneral,
                bedsLongTerm, bedsOther, doctorsFullTime, doctorsPartTime, designations);
    }

    /** For tests and callers that only need a label. */
    public static String roleKey(MemberRole role) {
        return "memberRole." + role.name();
    }
}
