package jp.kakaritsuke.functionreport.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One name of a NAME_LIST item (連携医療機関の名称), in the order entered ({@code seq} from 1). */
@Embeddable
public class PreparationName {

    @Column(name = "item_code", nullable = false, length = 60)
    private String itemCode;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    protected PreparationName() {
    }

    PreparationName(String itemCode, int seq, String name) {
        this.itemCode = itemCode;
        this.seq = seq;
        this.name = name;
    }

    public String itemCode() {
        return itemCode;
    }

    public int seq() {
        return seq;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparationName n && n.seq == seq && n.itemCode.equals(itemCode) && n.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(itemCode, seq, name);
    }
}
