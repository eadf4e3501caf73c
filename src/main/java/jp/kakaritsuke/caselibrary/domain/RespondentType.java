package jp.kakaritsuke.caselibrary.domain;

/** A 衛生部長会 survey respondent: a prefecture (都道府県) or a designated city (政令市). */
public enum RespondentType { PREFECTURE, CITY }
