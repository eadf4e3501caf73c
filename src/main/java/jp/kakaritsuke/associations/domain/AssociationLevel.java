package jp.kakaritsuke.associations.domain;

/** 日本医師会 (NATIONAL, the root of a national rollup), 都道府県医師会 (PREFECTURAL) or 郡市区医師会 (MUNICIPAL). */
public enum AssociationLevel { NATIONAL, PREFECTURAL, MUNICIPAL }
