package jp.kakaritsuke.facility.ui;

import jp.kakaritsuke.base.ui.extension.ProfileForm;
import jp.kakaritsuke.base.ui.extension.ProfileFormExtension;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import org.springframework.stereotype.Component;

/** The facility form on other modules' pages (the questionnaire's basic data; extension point). */
@Component
class FacilityForms implements ProfileFormExtension<FacilityProfile> {

    @Override
    public ProfileForm<FacilityProfile> create() {
        return new FacilityForm();
    }
}
