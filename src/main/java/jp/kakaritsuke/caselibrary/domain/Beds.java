package jp.kakaritsuke.caselibrary.domain;

/** Beds as the seed gives them; every field may be null (clinics and associations give none). */
public record Beds(Integer total, Integer general, Integer longTerm, Integer psychiatric, Integer infectious) {

    public static final Beds NONE = new Beds(null, null, null, null, null);

    public boolean isEmpty() {
        return total == null && general == null && longTerm == null && psychiatric == null && infectious == null;
    }
}
