package jp.kakaritsuke.associations.domain;

/** 都道府県医師会 (PREFECTURAL) or 郡市区医師会 (MUNICIPAL). */
public enum AssociationLevel { PREFECTURAL, MUNICIPAL }
