package jp.kakaritsuke.facility.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import jp.kakaritsuke.base.NumberInput;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.ui.extension.ProfileForm;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.domain.Prefectures;
import org.jspecify.annotations.Nullable;

/**
 * The facility's basic data (施設の基本情報). Validates in the browser as the user types (same rules as the service,
 * which checks again); {@link #onValidChange} lets the questionnaire autosave every valid change.
 */
// never a page (not registered): its own chunk of the production bundle, loaded where it is shown (base.ui.extension)
@Route(value = "chunk/facility-form", registerAtStartup = false)
public class FacilityForm extends FormLayout implements ProfileForm<FacilityProfile> {

    final TextField name = new TextField();
    final RadioButtonGroup<FacilityKind> type = new RadioButtonGroup<>();
    final ComboBox<String> prefecture = new ComboBox<>();
    final TextField municipality = new TextField();
    final RadioButtonGroup<AreaType> areaType = new RadioButtonGroup<>();
    // text fields read through NumberInput: an IntegerField drops what an IME types (「１２０」) without a word
    final TextField bedsGeneral = count("facility.unit.beds");
    final TextField bedsLongTerm = count("facility.unit.beds");
    final TextField bedsOther = count("facility.unit.beds");
    final TextField doctorsFullTime = count("facility.unit.doctors");
    final TextField doctorsPartTime = count("facility.unit.doctors");
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
        type.setItems(FacilityKind.values());
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
        // only this form's rules (validateAndShow, show) mark fields: the components' own "required" check would turn
        // a form just emptied after a successful registration red
        fields().forEach(f -> {
            if (f instanceof com.vaadin.flow.component.HasValidation v) {
                v.setManualValidation(true);
            }
        });
    }

    /** Empties the form for the next entry, without a mark on any field. */
    public void reset() {
        setProfile(null);
        show(List.of());
        designations.setInvalid(false);
        areaType.setInvalid(false);
    }

    private TextField count(String unitKey) {
        TextField f = new TextField();
        f.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation(unitKey)));
        f.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        f.addClassName("count-field");
        return f;
    }

    /** The whole number typed in a count field; null when empty or not a whole number (see {@link #unreadable}). */
    static Integer count(TextField field) {
        return NumberInput.parse(field.getValue()) instanceof NumberInput.Valid v && v.value().scale() <= 0
                && v.value().abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                ? v.value().intValueExact() : null;
    }

    /** Something typed that is not a whole number: kept in the field and flagged, never silently emptied. */
    static boolean unreadable(TextField field) {
        return !(NumberInput.parse(field.getValue()) instanceof NumberInput.Empty) && count(field) == null;
    }

    private static String text(Integer n) {
        return n == null ? "" : String.valueOf(n);
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void setProfile(@Nullable FacilityProfile p) {
        filling = true;
        try {
            id = p == null ? null : p.id();
            version = p == null ? 0 : p.version();
            name.setValue(p == null || p.name() == null ? "" : p.name());
            type.setValue(p == null ? null : p.type());
            prefecture.setValue(p == null ? null : p.prefecture());
            municipality.setValue(p == null || p.municipality() == null ? "" : p.municipality());
            areaType.setValue(p == null ? null : p.areaType());
            bedsGeneral.setValue(p == null ? "" : text(p.bedsGeneral()));
            bedsLongTerm.setValue(p == null ? "" : text(p.bedsLongTerm()));
            bedsOther.setValue(p == null ? "" : text(p.bedsOther()));
            doctorsFullTime.setValue(p == null ? "" : text(p.doctorsFullTime()));
            doctorsPartTime.setValue(p == null ? "" : text(p.doctorsPartTime()));
            designations.setValue(p == null ? Set.of() : p.designations());
        } finally {
            filling = false;
        }
    }

    /** After a save: keep the user's input, take the new id and version for the next save. */
    @Override
    public void saved(FacilityProfile saved) {
        this.id = saved.id();
        this.version = saved.version();
    }

    /** The form's content as a profile (not yet validated). */
    @Override
    public FacilityProfile getProfile() {
        String m = municipality.getValue().strip();
        return new FacilityProfile(id, version, name.getValue().strip(), type.getValue(), prefecture.getValue(),
                m.isEmpty() ? null : m, areaType.getValue(), count(bedsGeneral), count(bedsLongTerm),
                count(bedsOther), count(doctorsFullTime), count(doctorsPartTime),
                designations.getValue().isEmpty() ? Set.of() : EnumSet.copyOf(designations.getValue()));
    }

    /** Shows the profile's problems on the fields; returns true when there are none. */
    @Override
    public boolean validateAndShow() {
        List<String> errors = new java.util.ArrayList<>(getProfile().validate());
        if (unreadable(bedsGeneral) || unreadable(bedsLongTerm) || unreadable(bedsOther)) {
            errors.add("facility.error.beds");
        }
        if (unreadable(doctorsFullTime) || unreadable(doctorsPartTime)) {
            errors.add("facility.error.doctors");
        }
        show(errors);
        return errors.isEmpty();
    }

    /** Marks fields for the service's (or our own) error keys. */
    @Override
    public void show(List<String> errorKeys) {
        mark(name, errorKeys, "facility.error.name", "facility.error.nameLength", "facility.error.nameFormula",
                "facility.error.nameInvisible");
        mark(prefecture, errorKeys, "facility.error.prefecture");
        mark(municipality, errorKeys, "facility.error.municipality", "facility.error.municipalityFormula",
                "facility.error.municipalityInvisible");
        for (TextField beds : List.of(bedsGeneral, bedsLongTerm, bedsOther)) {
            markCount(beds, errorKeys, "facility.error.beds", FacilityProfile.MAX_BEDS, "facility.error.clinicBeds");
        }
        for (TextField doctors : List.of(doctorsFullTime, doctorsPartTime)) {
            markCount(doctors, errorKeys, "facility.error.doctors", FacilityProfile.MAX_DOCTORS, null);
        }
        type.setInvalid(errorKeys.contains("facility.error.type"));
        type.setErrorMessage(errorKeys.contains("facility.error.type") ? getTranslation("facility.error.type") : null);
    }

    /**
     * A count field shows the range error only where it applies (its own text unreadable or out of range), so the
     * user sees which of three bed fields to fix; the clinic's total applies to all bed fields.
     */
    private void markCount(TextField field, List<String> errors, String rangeKey, int max, String totalKey) {
        Integer n = count(field);
        String found = null;
        if (errors.contains(rangeKey) && (unreadable(field) || (n != null && (n < 0 || n > max)))) {
            found = rangeKey;
        } else if (totalKey != null && errors.contains(totalKey)) {
            found = totalKey;
        }
        field.setInvalid(found != null);
        field.setErrorMessage(found == null ? null : getTranslation(found));
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
    @Override
    public void onChange(Consumer<FacilityProfile> listener) {
        fields().forEach(f -> f.addValueChangeListener(e -> {
            if (!filling && e.isFromClient()) {
                listener.accept(getProfile());
            }
        }));
    }

    @Override
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
