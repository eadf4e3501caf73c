#!/usr/bin/env python3
"""Extract reference data from the MHLW case collection
『かかりつけ医機能に関する事例集』 (令和4年3月, 株式会社三菱総合研究所)
into the CSV files loaded by Liquibase (db-changelog/data/*.csv).

Usage:
    python3 docs/data-sources/extract_seed.py [SEED_TXT] [--out DIR]
                                              [--derived-md FILE] [--verbose]

SEED_TXT defaults to src/test/resources/seed/jirei-2022.txt (UTF-8 text export
of the PDF); --out defaults to db-changelog/data (both relative to the project
root, i.e. two levels above this script).  Standard library only; the output
is deterministic (same input -> byte-identical CSVs).

Everything that is read from the seed is parsed from the text.  Hand judgement
lives in the clearly marked dictionaries below:
  * MANUAL FIX  - small corrections for irregularities of the text export
                  (figure captions that cannot be recognised automatically,
                  facility type of case 1, ...)
  * DERIVED     - role tags the source does not state (practice roles and the
                  roles of the reference cases)
"""

import argparse
import csv
import os
import re
import sys
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_SEED = os.path.join(ROOT, "src", "test", "resources", "seed", "jirei-2022.txt")
DEFAULT_OUT = os.path.join(ROOT, "db-changelog", "data")

# ---------------------------------------------------------------------------
# Roles (order of the role matrix in the seed)
# ---------------------------------------------------------------------------
ROLES = OrderedDict([
    ("CLINIC_CLINIC", "診診連携"),
    ("CLINIC_HOSPITAL", "病診連携"),
    ("HOSPITAL_HOSPITAL", "病病連携"),
    ("MATERNAL_CHILD", "母子保健"),
    ("SCHOOL_HEALTH", "学校保健"),
    ("OCCUPATIONAL_HEALTH", "産業保健"),
    ("CARE_WELFARE", "介護・福祉との連携"),
    ("OUT_OF_HOURS", "休日夜間・24時間対応"),
    ("HOME_CARE", "在宅医療"),
    ("END_OF_LIFE", "看取り"),
    ("MULTIDISCIPLINARY", "多職種連携"),
    ("EMERGENCY", "有事対応"),
    ("CAREER_SUPPORT", "医師のキャリア支援"),
    ("OTHER", "その他"),
])
ROLE_ORDER = {code: i for i, code in enumerate(ROLES)}

# Matrix table: roles sit at tab indices 4..17.  MANUAL FIX: in the text export
# the その他 mark of some rows (事例4,7,9,10,14,15,18,19) was shifted to index 18.
MATRIX_COLUMN_ROLE = {4 + i: code for i, code in enumerate(ROLES)}
MATRIX_COLUMN_ROLE[18] = "OTHER"

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

PREFECTURES = [
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県",
    "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県",
    "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
    "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県",
    "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
]

# 政令指定都市 -> 都道府県 (survey respondents of type CITY)
CITY_PREFECTURE = {
    "札幌市": "北海道", "仙台市": "宮城県", "さいたま市": "埼玉県", "千葉市": "千葉県",
    "横浜市": "神奈川県", "川崎市": "神奈川県", "相模原市": "神奈川県", "新潟市": "新潟県",
    "静岡市": "静岡県", "浜松市": "静岡県", "名古屋市": "愛知県", "京都市": "京都府",
    "大阪市": "大阪府", "堺市": "大阪府", "神戸市": "兵庫県", "岡山市": "岡山県",
    "広島市": "広島県", "北九州市": "福岡県", "福岡市": "福岡県", "熊本市": "熊本県",
}

# ---------------------------------------------------------------------------
# MANUAL FIX: facility type where it cannot be read from 医療施設類型等
# (case 1 runs 14 clinics/hospital departments as one 医療法人 group)
# ---------------------------------------------------------------------------
FACILITY_TYPE_OVERRIDE = {"1": "医療法人グループ"}

# ---------------------------------------------------------------------------
# MANUAL FIX: figure captions / picture text / stray 出典 continuation lines
# inside practice bodies that are not recognisable by rule (exact line text).
# Lines starting with 出典 (and the rest of their block), URLs and
# "2022年2月閲覧"-style lines are dropped by rule.
# ---------------------------------------------------------------------------
BODY_DROP_LINES = {
    "2": ["Connect8 (コネクトエイト) 参加事業所数"],
    "5": ["悠翔会グループの患者あたり年間平均延べ入院回数と日数の推移",
          "医療法人社団悠翔会"],  # 出典 continuation separated by a blank line
    "8": ["いしが在宅ケアクリニックにおける在宅看取り数の推移"],
    "10": ["志村大宮病院の前方連携・後方連携 年間実績",
           "前方連携・後方連携 年間実績",
           "法人内情報連携イメージ",
           "病院を中心としたまちづくり"],
    "14": ["京都府における在宅療養あんしん病院登録システム"],
    "15": ["在宅医療支援チーム", "(MBC : Medical Base Camp)"],
    "16": ["連携拠点仲介による病診・多職種連携 (行政主導・医師会協力)",
           "はまゆりネット イメージ図"],
    "17": ["顔の見える関係会議", "情報共有のイメージ"],
    "18": ["豊田加茂医師会の在宅療養相談パンフレット"],
    "19": ["南区あんしん病院ネットワーク", "在宅カルテ",
           "「在宅カルテ」を用いた連携のイメージ"],
    "参考1": ["ポラリスネットワークの概要"],
    "参考2": ["心不全手帳"],
    "参考6": ["消防署の通信指令室におけるネットワーク情報の閲覧"],
}

# ---------------------------------------------------------------------------
# DERIVED: role tags per practice (case_number, practice_no) -> roles.
# Judged from title and text; the seed itself only marks roles per case
# (cases 1-19).  Rationale for non-obvious tags is in derived-tags.md.
# ---------------------------------------------------------------------------
DERIVED_PRACTICE_ROLES = {
    ("1", 1): ["CAREER_SUPPORT"],
    ("1", 2): ["CLINIC_CLINIC", "HOME_CARE", "OUT_OF_HOURS", "CLINIC_HOSPITAL"],
    ("1", 3): ["CAREER_SUPPORT", "CARE_WELFARE"],
    ("2", 1): ["MULTIDISCIPLINARY", "CARE_WELFARE"],
    ("2", 2): ["CLINIC_CLINIC", "CARE_WELFARE", "HOME_CARE", "MULTIDISCIPLINARY"],
    ("2", 3): ["CAREER_SUPPORT"],
    ("3", 1): ["HOME_CARE", "END_OF_LIFE", "MATERNAL_CHILD"],
    ("3", 2): ["CLINIC_HOSPITAL", "HOME_CARE", "MATERNAL_CHILD"],
    ("3", 3): ["HOME_CARE", "OUT_OF_HOURS"],
    ("4", 1): ["MATERNAL_CHILD", "MULTIDISCIPLINARY"],
    ("4", 2): ["SCHOOL_HEALTH", "MATERNAL_CHILD"],
    ("4", 3): ["MATERNAL_CHILD", "CAREER_SUPPORT"],
    ("5", 1): ["CLINIC_CLINIC", "OUT_OF_HOURS", "HOME_CARE", "MULTIDISCIPLINARY"],
    ("5", 2): ["CLINIC_HOSPITAL", "CLINIC_CLINIC", "OUT_OF_HOURS"],
    ("5", 3): ["HOME_CARE", "OTHER"],
    ("6", 1): ["CLINIC_CLINIC", "CLINIC_HOSPITAL"],
    ("6", 2): ["SCHOOL_HEALTH", "OCCUPATIONAL_HEALTH"],
    ("6", 3): ["EMERGENCY", "OUT_OF_HOURS", "OTHER"],
    ("7", 1): ["OUT_OF_HOURS", "HOME_CARE"],
    ("7", 2): ["MULTIDISCIPLINARY"],
    ("7", 3): ["HOME_CARE", "OTHER"],
    ("7", 4): ["OTHER"],
    ("8", 1): ["HOME_CARE", "CARE_WELFARE", "CLINIC_CLINIC"],
    ("8", 2): ["MULTIDISCIPLINARY", "OTHER"],
    ("8", 3): ["END_OF_LIFE", "HOME_CARE"],
    ("9", 1): ["OTHER"],
    ("9", 2): ["MATERNAL_CHILD"],
    ("9", 3): ["CLINIC_CLINIC", "CLINIC_HOSPITAL", "CARE_WELFARE"],
    ("9", 4): ["OUT_OF_HOURS"],
    ("10", 1): ["CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL", "HOME_CARE", "CARE_WELFARE"],
    ("10", 2): ["CARE_WELFARE", "MULTIDISCIPLINARY"],
    ("10", 3): ["OTHER", "CARE_WELFARE"],
    ("11", 1): ["MULTIDISCIPLINARY"],
    ("11", 2): ["MATERNAL_CHILD", "CARE_WELFARE"],
    ("11", 3): ["CARE_WELFARE"],
    ("11", 4): ["END_OF_LIFE"],
    ("12", 1): ["HOME_CARE", "OUT_OF_HOURS"],
    ("12", 2): ["MULTIDISCIPLINARY", "HOSPITAL_HOSPITAL", "CLINIC_HOSPITAL", "CARE_WELFARE"],
    ("12", 3): ["HOME_CARE", "MULTIDISCIPLINARY", "END_OF_LIFE"],
    ("13", 1): ["HOSPITAL_HOSPITAL", "HOME_CARE", "MULTIDISCIPLINARY", "CARE_WELFARE"],
    ("13", 2): ["CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL", "CARE_WELFARE", "MULTIDISCIPLINARY"],
    ("13", 3): ["CARE_WELFARE", "OTHER"],
    ("14", 1): ["CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL", "OUT_OF_HOURS", "HOME_CARE"],
    ("14", 2): ["OTHER"],
    ("14", 3): ["OTHER"],
    ("15", 1): ["MULTIDISCIPLINARY", "HOME_CARE", "CARE_WELFARE"],
    ("15", 2): ["HOSPITAL_HOSPITAL", "CARE_WELFARE"],
    ("15", 3): ["CLINIC_HOSPITAL", "OUT_OF_HOURS"],
    ("15", 4): ["HOME_CARE", "OTHER"],
    ("15", 5): ["EMERGENCY", "END_OF_LIFE"],
    ("16", 1): ["MULTIDISCIPLINARY", "HOME_CARE", "CLINIC_HOSPITAL"],
    ("16", 2): ["HOSPITAL_HOSPITAL", "CLINIC_HOSPITAL", "CLINIC_CLINIC", "MULTIDISCIPLINARY"],
    ("17", 1): ["CLINIC_CLINIC", "HOME_CARE", "OUT_OF_HOURS", "CLINIC_HOSPITAL"],
    ("17", 2): ["OUT_OF_HOURS", "HOME_CARE", "MULTIDISCIPLINARY"],
    ("17", 3): ["MULTIDISCIPLINARY", "CARE_WELFARE", "HOME_CARE"],
    ("17", 4): ["MULTIDISCIPLINARY", "HOME_CARE"],
    ("18", 1): ["CLINIC_HOSPITAL", "CLINIC_CLINIC", "HOME_CARE"],
    ("18", 2): ["CLINIC_HOSPITAL", "HOME_CARE", "CARE_WELFARE"],
    ("18", 3): ["HOME_CARE", "OTHER"],
    ("19", 1): ["CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL", "HOME_CARE"],
    ("19", 2): ["MULTIDISCIPLINARY", "HOME_CARE", "CARE_WELFARE"],
    ("参考1", 1): ["CLINIC_HOSPITAL", "CARE_WELFARE", "MULTIDISCIPLINARY"],
    ("参考1", 2): ["CARE_WELFARE", "MULTIDISCIPLINARY"],
    ("参考2", 1): ["CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL"],
    ("参考2", 2): ["CARE_WELFARE", "MULTIDISCIPLINARY", "CLINIC_HOSPITAL", "OUT_OF_HOURS"],
    ("参考2", 3): ["CLINIC_HOSPITAL", "OTHER"],
    ("参考3", 1): ["CLINIC_HOSPITAL", "OUT_OF_HOURS"],
    ("参考3", 2): ["HOSPITAL_HOSPITAL"],
    ("参考3", 3): ["EMERGENCY"],
    ("参考4", 1): ["CLINIC_CLINIC", "CLINIC_HOSPITAL"],
    ("参考4", 2): ["OTHER"],
    ("参考4", 3): ["CLINIC_HOSPITAL", "HOME_CARE"],
    ("参考4", 4): ["OTHER"],
    ("参考5", 1): ["CLINIC_HOSPITAL"],
    ("参考5", 2): ["CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL"],
    ("参考5", 3): ["CLINIC_HOSPITAL"],
    ("参考6", 1): ["CLINIC_HOSPITAL", "CLINIC_CLINIC"],
    ("参考6", 2): ["MULTIDISCIPLINARY", "CARE_WELFARE"],
    ("参考6", 3): ["EMERGENCY"],
}

# DERIVED: roles of the reference cases (no ● marks in the seed); each is a
# subset of the union of the case's practice roles (checked below).
DERIVED_REFERENCE_ROLES = {
    "参考1": ["CLINIC_HOSPITAL", "CARE_WELFARE", "MULTIDISCIPLINARY"],
    "参考2": ["CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL", "CARE_WELFARE", "MULTIDISCIPLINARY", "OTHER"],
    "参考3": ["CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL", "OUT_OF_HOURS", "EMERGENCY"],
    "参考4": ["CLINIC_CLINIC", "CLINIC_HOSPITAL", "HOME_CARE", "OTHER"],
    "参考5": ["CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL"],
    "参考6": ["CLINIC_CLINIC", "CLINIC_HOSPITAL", "MULTIDISCIPLINARY", "CARE_WELFARE", "EMERGENCY"],
}

# DERIVED: short rationale for non-obvious tags (used for derived-tags.md only)
DERIVED_RATIONALE = {
    ("1", 1): "専攻医育成・屋根瓦式教育・女性医師の柔軟な勤務",
    ("1", 2): "時間外・主治医不在時の診療所間連携; 急性期病院医師向け在宅医療説明会",
    ("1", 3): "専攻医の循環派遣=研修; 自治体と連携した地域包括ケア",
    ("2", 1): "看護師・ケアマネ・SW・PT のチームで医療・介護サービス",
    ("2", 3): "家庭医療後期研修プログラムへの教育参加",
    ("3", 1): "医療的ケア児(小児)の在宅医療",
    ("3", 2): "小児の健康相談・就学相談",
    ("3", 3): "チーム制・ICT で在宅の継続診療と相互バックアップ",
    ("4", 1): "保健師・看護師・保育士が所属",
    ("4", 3): "地域総合小児医療認定医の普及=小児科医の育成",
    ("5", 2): "ソロ診療所の夜間・休日を代替",
    ("5", 3): "医師別の診療品質スコア・患者満足度 (OTHER)",
    ("6", 3): "新型コロナ発熱外来・PCR (有事); 24時間電話対応; オンライン診療 (OTHER)",
    ("7", 2): "事務職も参加するカンファレンス",
    ("7", 3): "広域展開・まちづくり参画 (OTHER)",
    ("7", 4): "「みんなの保健室」=住民交流・健康増進",
    ("8", 1): "介護事業所・訪問看護との役割分担, 安定患者は近隣開業医へ紹介",
    ("8", 2): "メディカルアシスタント等との役割分担 (多職種); 職場環境 (OTHER)",
    ("8", 3): "在宅看取りの啓発講演",
    ("9", 1): "患者・職員満足度",
    ("9", 2): "小児の予防接種",
    ("10", 2): "法人内医療・介護記録システム, 多職種連携ツール",
    ("10", 3): "まちづくり (OTHER), 一般介護予防事業",
    ("11", 2): "障害児と保護者のケア, 教育委員会と連携",
    ("12", 1): "24時間の緊急入院・レスパイト受け皿",
    ("12", 3): "在宅医療サポートセンターの多職種研修, ACP・エンディングノート",
    ("13", 1): "急性期病院からの転院受入 (病病), 院内外多職種カンファレンス",
    ("13", 3): "地域包括支援センター連携の介護予防 + 健康増進 (OTHER)",
    ("14", 1): "あんしん病院登録システム: 24時間365日, 病院間協力",
    ("14", 2): "難病の受入 (OTHER)",
    ("14", 3): "施設・働き方改革による人材確保 (OTHER)",
    ("15", 4): "ICT 在宅見守り・オンライン診療",
    ("15", 5): "コロナ下の特定二次救急 (有事), 在宅看取り",
    ("16", 1): "在宅医療連携拠点「チームかまいし」の多職種連携支援",
    ("17", 1): "主治医・副主治医制 + バックアップ病院",
    ("18", 2): "入退院時の在宅支援者(ケアマネ等)と病院の引継ぎ",
    ("18", 3): "住民向け在宅療養啓発 (OTHER)",
    ("19", 1): "ブロック支援病院・基幹病院による急変時/ターミナル期の支援",
    ("参考1", 1): "退院患者情報を診療所・介護施設・行政と共有",
    ("参考2", 2): "夜間救急・当直の相互支援, 介護施設への出向",
    ("参考2", 3): "心不全手帳で診療所フォロー; 地域フォーミュラリ・経費管理 (OTHER)",
    ("参考3", 1): "登録医の紹介を24時間365日受入",
    ("参考3", 3): "災害拠点病院・新型コロナ「松本方式」",
    ("参考4", 2): "住民健康相談, 死亡時画像診断 CT の開放",
    ("参考4", 3): "在籍出向で診療所の診療の幅拡大, 在宅医療の充実",
    ("参考4", 4): "医薬品の一括価格交渉",
    ("参考5", 2): "複数依頼先施設(病院)間の連絡会・合同ユーザー会",
    ("参考6", 3): "消防通信指令室と連携した救急・災害対応",
}


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def fail(msg):
    raise SystemExit("extract_seed: " + msg)


def circled_no(ch):
    return CIRCLED.index(ch) + 1


def nospace(s):
    return re.sub(r"[ \u3000\t]+", "", s)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            if len(r) != len(header):
                fail("bad row for %s: %r" % (path, r))
            # Liquibase loadData reads the value NULL as SQL NULL; an empty string would stay ''.
            w.writerow(["NULL" if v is None or str(v) == "" else str(v) for v in r])
    return len(rows)


class Seed:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.lines = [l.rstrip("\r") for l in f.read().split("\n")]
        self.notes = []  # irregularities handled (line numbers are 1-based)

    def find(self, pred, start=0, end=None, what="?"):
        end = len(self.lines) if end is None else end
        for i in range(start, end):
            if pred(self.lines[i]):
                return i
        fail("not found: %s (lines %d-%d)" % (what, start + 1, end))

    def note(self, lineno0, text):
        self.notes.append("line %d: %s" % (lineno0 + 1, text))


# ---------------------------------------------------------------------------
# parsing
# ---------------------------------------------------------------------------
def parse_toc(seed):
    names = OrderedDict()
    for line in seed.lines[:150]:
        m = re.match(r"^\s*- (事例(\d+)|参考(\d+)) (.+)$", line)
        if m:
            num = m.group(2) if m.group(2) else "参考" + m.group(3)
            names[num] = nospace(m.group(4))
    if len(names) != 25:
        fail("expected 25 TOC entries, got %d" % len(names))
    return names


def parse_matrix(seed):
    h = seed.find(lambda l: l.startswith("分類\tNo\t事例名\t場所"), what="matrix header")
    roles = OrderedDict()
    places = {}
    total = 0
    i = h + 1
    while i < len(seed.lines) and seed.lines[i].strip():
        cols = seed.lines[i].split("\t")
        if len(cols) > 3 and cols[1].isdigit():
            num = cols[1]
            places[num] = cols[3]
            marks = []
            for j, v in enumerate(cols):
                if v == "●":
                    if j not in MATRIX_COLUMN_ROLE:
                        fail("● at unexpected column %d line %d" % (j, i + 1))
                    if j == 18:
                        seed.note(i, "事例%s: その他 ● at tab index 18 (shifted), read as OTHER" % num)
                    marks.append(MATRIX_COLUMN_ROLE[j])
            if len(set(marks)) != len(marks):
                fail("duplicate role mark line %d" % (i + 1))
            total += len(marks)
            roles[num] = marks
        i += 1
    if len(roles) != 19:
        fail("expected 19 matrix rows, got %d" % len(roles))
    return roles, places, total


HEAD_RE = re.compile(r"^([" + CIRCLED + r"])[ \u3000]+(\S.*)$")
LABEL_RE = re.compile(r"^(所在地|医療施設類型等|その他)(?:[ \t]+(.*))?$")


def is_drop_by_rule(line):
    s = line.strip()
    return (re.match(r"^<?https?://", s) is not None
            or re.match(r"^\d{4}年\d{1,2}月(閲覧|現在)$", s) is not None)


def blocks_of(lines):
    """Split into blocks of consecutive non-blank lines."""
    out, cur = [], []
    for idx, l in lines:
        if l.strip():
            cur.append((idx, l.rstrip()))
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def clean_body(seed, case_no, numbered_lines, drop_set, used, dropped_log):
    paras = []
    for blk in blocks_of(numbered_lines):
        kept = []
        in_source = False
        for idx, l in blk:
            s = l.strip()
            if s.startswith("出典"):
                in_source = True
            if in_source or is_drop_by_rule(s):
                dropped_log.append((idx, s))
                continue
            if s in drop_set:
                used.add((case_no, s))
                dropped_log.append((idx, s))
                continue
            kept.append(l)
        if kept:
            paras.append("\n".join(kept))
    return "\n\n".join(paras)


def parse_overview(seed, start, end):
    fields = {}
    cur = None
    for i in range(start, end):
        l = seed.lines[i]
        m = LABEL_RE.match(l)
        if m:
            cur = m.group(1)
            if cur in fields:
                fail("duplicate label %s line %d" % (cur, i + 1))
            fields[cur] = []
            if m.group(2) is not None and m.group(2).strip():
                fields[cur].append((i, m.group(2).strip()))
            else:
                seed.note(i, "label %s alone on its line, value on following line(s)" % cur)
            continue
        if cur is not None:
            fields[cur].append((i, l))
    location = ""
    if "所在地" in fields:
        vals = [l.strip() for _, l in fields["所在地"] if l.strip()]
        location = vals[0] if vals else ""
    detail = ""
    if "医療施設類型等" in fields:
        detail = "\n".join(l.strip() for _, l in fields["医療施設類型等"] if l.strip())
    overview = ""
    if "その他" in fields:
        blks = blocks_of(fields["その他"])
        if blks:
            overview = "\n".join(l.strip() for _, l in blks[0])
            for blk in blks[1:]:  # figure captions / picture text / 出典 after the text
                for idx, l in blk:
                    seed.note(idx, "dropped from overview (figure/出典): %s" % l.strip()[:40])
    return location, detail, overview


def parse_beds(detail):
    first = detail.split("\n")[0] if detail else ""
    m = re.match(r"^病院\s*[:：]?\s*(\d+)床", first)
    if not m:
        return ["", "", "", "", ""]
    out = [int(m.group(1))]
    for kind in ("一般病床", "療養病床", "精神病床", "感染症病床"):
        mm = re.search(kind + r"\s*(\d+)床", first)
        out.append(int(mm.group(1)) if mm else "")
    if sum(v for v in out[1:] if v != "") != out[0]:
        fail("bed numbers do not add up: %s" % first)
    return out


def split_location(loc):
    pref = ""
    for p in sorted(PREFECTURES, key=len, reverse=True):
        if loc.startswith(p):
            pref = p
            break
    if not pref:
        fail("no prefecture in %r" % loc)
    rest = loc[len(pref):]
    muni = rest if re.fullmatch(r"[^\s（(]+[市区町村]", rest) else ""
    return pref, muni


def facility_type_for(num, name, detail):
    if num in FACILITY_TYPE_OVERRIDE:
        return FACILITY_TYPE_OVERRIDE[num]
    if "医師会" in name:
        return "医師会"
    if "地域医療連携推進法人" in name:
        return "地域医療連携推進法人"
    if name.endswith("運営協議会"):
        return "運営協議会"
    if detail.startswith("診療所"):
        return "診療所"
    if detail.startswith("病院"):
        return "病院"
    fail("cannot determine facility type for %s" % num)


def parse_cases(seed, toc):
    survey_start = seed.find(lambda l: l.strip() == "衛生部長会調査結果", start=150,
                             what="survey heading")
    case_starts = [(i, re.match(r"^事例 (\d+)$", l).group(1))
                   for i, l in enumerate(seed.lines[:survey_start])
                   if re.match(r"^事例 (\d+)$", l)]
    ref_starts = [i for i, l in enumerate(seed.lines[:survey_start])
                  if l.strip() == "特に注目すべきポイント"]
    if [n for _, n in case_starts] != [str(k) for k in range(1, 20)]:
        fail("case headings not 1..19")
    if len(ref_starts) != 6:
        fail("expected 6 reference blocks, got %d" % len(ref_starts))
    starts = [(i, n, "CASE") for i, n in case_starts] + \
             [(i, "参考%d" % (k + 1), "REFERENCE") for k, i in enumerate(ref_starts)]
    starts.sort()
    bounds = [s[0] for s in starts] + [survey_start]

    cases, features, highlights, practices = [], [], [], []
    used_drop, dropped_log = set(), []
    for seq, (st, num, kind) in enumerate(starts, 1):
        end = bounds[seq]
        blk = range(st, end)
        name = toc[num]
        if kind == "CASE":
            head = seed.find(lambda l: l.strip(), st + 1, end, "case name")
            if nospace(seed.lines[head]) != name:
                seed.note(head, "事例%s heading name %r differs from 目次 %r (目次 used)"
                          % (num, seed.lines[head], name))
        o = seed.find(lambda l: l.strip() == "1. 概要", st, end, "概要 " + num)
        r = seed.find(lambda l: l.strip() == "2. 地域の特徴を踏まえた取組", o, end, "地域 " + num)
        p = seed.find(lambda l: l.strip() == "3. 取組の詳細", r, end, "取組 " + num)

        if kind == "REFERENCE":
            hs = 0
            for i in range(st + 1, o):
                m = re.match(r"^- ([" + CIRCLED + r"])[ \u3000]*(\S.*)$", seed.lines[i])
                if m:
                    hs += 1
                    if not re.match(r"^- [" + CIRCLED + r"] ", seed.lines[i]):
                        seed.note(i, "%s highlight without space after circled number" % num)
                    highlights.append([num, hs, circled_no(m.group(1)), m.group(2).strip()])
                elif seed.lines[i].strip():
                    fail("unexpected line in highlight block %d" % (i + 1))

        location, detail, overview = parse_overview(seed, o + 1, r)
        pref, muni = split_location(location)
        ftype = facility_type_for(num, name, detail)
        fkind = {"診療所": "CLINIC", "医療法人グループ": "CLINIC", "病院": "HOSPITAL"}.get(ftype, "ASSOCIATION")
        if kind == "CASE":
            n = int(num)
            category = "CLINIC" if n <= 9 else "HOSPITAL" if n <= 15 else "REGIONAL"
        else:
            category = "REFERENCE"
        cases.append([num, seq, kind, category, fkind, name, pref, muni, location, ftype, detail]
                     + parse_beds(detail) + [overview])

        fs = 0
        for i in range(r + 1, p):
            l = seed.lines[i]
            if l.startswith("- "):
                fs += 1
                features.append([num, fs, l[2:].strip()])
            elif l.strip():
                dropped_log.append((i, l.strip()))  # figures / 出典 in section 2

        heads = []
        for i in range(p + 1, end):
            m = HEAD_RE.match(seed.lines[i])
            if m:
                heads.append((i, circled_no(m.group(1)), m.group(2).strip()))
            elif re.match(r"^[" + CIRCLED + r"]\S", seed.lines[i]):
                seed.note(i, "%s: %r... is a sub-item (no space), not a practice" % (num, seed.lines[i][:12]))
        if [h[1] for h in heads] != list(range(1, len(heads) + 1)):
            fail("practice numbering of %s: %r" % (num, [h[1] for h in heads]))
        for k, (hi, pno, title) in enumerate(heads):
            bend = heads[k + 1][0] if k + 1 < len(heads) else end
            numbered = [(i, seed.lines[i]) for i in range(hi + 1, bend)]
            body = clean_body(seed, num, numbered, set(BODY_DROP_LINES.get(num, [])),
                              used_drop, dropped_log)
            practices.append([num, pno, title, body])

    for num, lst in BODY_DROP_LINES.items():
        for s in lst:
            if (num, s) not in used_drop:
                fail("manual drop line not found in %s: %s" % (num, s))
    return cases, features, highlights, practices, dropped_log, survey_start


def html_to_text(s):
    s = re.sub(r"</?(p|ul|ol|li|br|div)\b[^>]*>", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = re.sub(r"▶\s*", "\n▶", s)
    s = re.sub(r"(^|\s)([・○])", r"\n\2", s)  # list sub-items (・ / ○) on own line
    out = []
    for line in s.split("\n"):
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            out.append(line)
    return "\n".join(out)


def parse_survey(seed, survey_start):
    qitem = seed.find(lambda l: l.startswith("質問項目\t"), survey_start, what="質問項目")
    qtext = {}
    for i in range(qitem + 1, qitem + 8):
        m = re.match(r"^\t([" + CIRCLED + r"])([^\t]+)\t([^\t]+)\t?$", seed.lines[i])
        if not m:
            break
        qtext[circled_no(m.group(1))] = m.group(1) + m.group(2).strip() + "\n" + m.group(3).strip()
    res = seed.find(lambda l: l.strip() == "調査結果", qitem, what="調査結果")
    endm = seed.find(lambda l: l.startswith("厚生労働省「令和3年度"), res, what="colophon")
    heads = [i for i in range(res, endm) if re.match(r"^[①②③④] \S", seed.lines[i])]
    if len(heads) != 4:
        fail("expected 4 survey questions")
    questions, answers, counts = [], [], []
    for k, hi in enumerate(heads):
        qno = k + 1
        if circled_no(seed.lines[hi][0]) != qno:
            fail("question numbering")
        title = seed.lines[hi][2:].strip()
        hend = heads[k + 1] if k + 1 < 4 else endm
        note_i = seed.find(lambda l: l.startswith("※アンケート回答"), hi, hend, "answer note")
        questions.append([qno, title, qtext[qno], seed.lines[note_i].strip()])
        expected_no = 1
        for i in range(note_i + 1, hend):
            l = seed.lines[i]
            if not l.strip():
                continue
            if re.match(r"^No\t回答者\t回\s*答$", l):
                continue  # table header repeated on every page
            m = re.match(r"^(\d+)\t([^\t]+)\t(.*)$", l)
            if not m:
                fail("unexpected survey line %d: %r" % (i + 1, l[:40]))
            ano = int(m.group(1))
            if ano != expected_no:
                fail("answer numbering at line %d" % (i + 1))
            expected_no += 1
            resp = m.group(2).strip()
            if resp in PREFECTURES:
                rtype, pref = "PREFECTURE", resp
            elif resp in CITY_PREFECTURE:
                rtype, pref = "CITY", CITY_PREFECTURE[resp]
            else:
                fail("unknown respondent %r" % resp)
            answers.append([qno, ano, resp, rtype, pref, html_to_text(m.group(3))])
        counts.append(expected_no - 1)
        mm = re.search(r"(\d+)自治体より", seed.lines[note_i])
        if mm and int(mm.group(1)) != counts[-1]:
            fail("question %d: note says %s answers, table has %d" % (qno, mm.group(1), counts[-1]))
    return questions, answers, counts


# ---------------------------------------------------------------------------
def derived_md(cases, practices, matrix_roles):
    label = lambda codes: ", ".join("%s(%s)" % (c, ROLES[c]) for c in codes)
    out = ["# Derived role tags (事例集 2022)", "",
           "Generated by `extract_seed.py --derived-md`. The seed marks roles (●) only per case "
           "for 事例1–19; the tags below are hand-judged (`derived`) from each practice's "
           "title and text. Notes in parentheses explain non-obvious tags.", "",
           "## Practices", ""]
    pid = 0
    for num, pno, title, _ in practices:
        pid += 1
        key = (num, pno)
        head = ("事例" + num) if not num.startswith("参考") else num
        line = "- %s %s (id %d) %s — %s" % (head, CIRCLED[pno - 1], pid, title[:40] + ("…" if len(title) > 40 else ""),
                                           ", ".join(DERIVED_PRACTICE_ROLES[key]))
        extra = []
        if num in matrix_roles:
            off = [c for c in DERIVED_PRACTICE_ROLES[key] if c not in matrix_roles[num]]
            if off:
                extra.append("not ● for the case: " + ", ".join(off))
        if key in DERIVED_RATIONALE:
            extra.insert(0, DERIVED_RATIONALE[key])
        if extra:
            line += " (" + "; ".join(extra) + ")"
        out.append(line)
    out += ["", "## Reference cases (case_role, derived=true)", ""]
    for num, roles in DERIVED_REFERENCE_ROLES.items():
        out.append("- %s — %s" % (num, label(roles)))
    out.append("")
    return "\n".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seed", nargs="?", default=DEFAULT_SEED)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--derived-md", default=None)
    ap.add_argument("--verbose", action="store_true", help="list dropped lines and notes")
    a = ap.parse_args(argv)

    seed = Seed(a.seed)
    toc = parse_toc(seed)
    matrix_roles, places, marks = parse_matrix(seed)
    cases, features, highlights, practices, dropped, survey_start = parse_cases(seed, toc)
    questions, answers, counts = parse_survey(seed, survey_start)

    # consistency checks ----------------------------------------------------
    for c in cases:
        if c[0] in places and places[c[0]] != c[6]:
            fail("prefecture of %s: matrix %s vs 所在地 %s" % (c[0], places[c[0]], c[6]))
    pcount = OrderedDict()
    for pr in practices:
        pcount[pr[0]] = pcount.get(pr[0], 0) + 1
    keys = [(pr[0], pr[1]) for pr in practices]
    if set(keys) != set(DERIVED_PRACTICE_ROLES):
        fail("DERIVED_PRACTICE_ROLES keys do not match practices: %r"
             % sorted(set(keys) ^ set(DERIVED_PRACTICE_ROLES)))
    for k, roles in DERIVED_PRACTICE_ROLES.items():
        if not 1 <= len(roles) <= 4 or len(set(roles)) != len(roles) or any(r not in ROLES for r in roles):
            fail("bad derived roles for %r" % (k,))
    for num, roles in DERIVED_REFERENCE_ROLES.items():
        union = {r for (n, _), rs in DERIVED_PRACTICE_ROLES.items() if n == num for r in rs}
        if not set(roles) <= union:
            fail("reference roles of %s not backed by practices" % num)

    # rows ------------------------------------------------------------------
    os.makedirs(a.out, exist_ok=True)
    rows_case_role = []
    for num, roles in matrix_roles.items():
        for r in sorted(roles, key=ROLE_ORDER.get):
            rows_case_role.append([num, r, "false"])
    for num, roles in DERIVED_REFERENCE_ROLES.items():
        for r in sorted(roles, key=ROLE_ORDER.get):
            rows_case_role.append([num, r, "true"])
    rows_practice, rows_practice_role = [], []
    for pid, (num, pno, title, body) in enumerate(practices, 1):
        rows_practice.append([pid, num, pno, title, body])
        for r in sorted(DERIVED_PRACTICE_ROLES[(num, pno)], key=ROLE_ORDER.get):
            rows_practice_role.append([pid, r])

    out = OrderedDict()
    out["case_study.csv"] = write_csv(os.path.join(a.out, "case_study.csv"),
        ["case_number", "seq", "kind", "category", "facility_kind", "name", "prefecture",
         "municipality", "location_text", "facility_type", "facility_type_detail", "beds_total",
         "beds_general", "beds_long_term", "beds_psychiatric", "beds_infectious", "overview"], cases)
    out["case_region_feature.csv"] = write_csv(os.path.join(a.out, "case_region_feature.csv"),
        ["case_number", "seq", "feature_text"], features)
    out["case_highlight.csv"] = write_csv(os.path.join(a.out, "case_highlight.csv"),
        ["case_number", "seq", "practice_no", "highlight_text"], highlights)
    out["case_role.csv"] = write_csv(os.path.join(a.out, "case_role.csv"),
        ["case_number", "role_code", "derived"], rows_case_role)
    out["practice.csv"] = write_csv(os.path.join(a.out, "practice.csv"),
        ["id", "case_number", "practice_no", "title", "body"], rows_practice)
    out["practice_role.csv"] = write_csv(os.path.join(a.out, "practice_role.csv"),
        ["practice_id", "role_code"], rows_practice_role)
    out["survey_question.csv"] = write_csv(os.path.join(a.out, "survey_question.csv"),
        ["question_no", "title", "question_text", "answer_note"], questions)
    out["survey_answer.csv"] = write_csv(os.path.join(a.out, "survey_answer.csv"),
        ["question_no", "answer_no", "respondent", "respondent_type", "prefecture", "answer_text"],
        answers)
    if a.derived_md:
        with open(a.derived_md, "w", encoding="utf-8", newline="\n") as f:
            f.write(derived_md(cases, practices, matrix_roles))

    # report ----------------------------------------------------------------
    print("rows per file:")
    for k, v in out.items():
        print("  %-26s %d" % (k, v))
    print("● marks in role matrix: %d" % marks)
    print("practices per case: " + ", ".join("%s:%d" % kv for kv in pcount.items()))
    print("answers per question: " + ", ".join("Q%d:%d" % (i + 1, c) for i, c in enumerate(counts)))
    if a.verbose:
        print("notes:")
        for n in seed.notes:
            print("  " + n)
        print("dropped lines (figures / 出典 / URLs / page furniture):")
        for idx, s in sorted(dropped):
            print("  line %d: %s" % (idx + 1, s[:70]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
