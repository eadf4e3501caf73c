#!/usr/bin/env python3
"""Checks the questionnaire reference data (db-changelog/data/questionnaire*.csv) against the seed and practice.csv.

Usage: python3 docs/data-sources/check_questionnaire.py   (from the repository root; standard library only)
Exits 1 and lists the problems if a check fails; prints a short summary otherwise.
"""
import csv
import io
import re
import sys
from collections import Counter, OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / 'db-changelog' / 'data'
SEED = ROOT / 'src' / 'test' / 'resources' / 'seed' / 'jirei-2022.txt'

COLUMNS = {
    'questionnaire.csv': ['version', 'title_ja', 'title_en', 'published_on'],
    'questionnaire_step.csv': ['version', 'step_no', 'code', 'title_ja', 'title_en', 'intro_ja', 'intro_en'],
    'questionnaire_role.csv': ['version', 'role_code', 'step_no', 'seq', 'help_ja', 'help_en', 'help_source']
        + [f'level{i}_{l}' for l in ('ja', 'en') for i in range(5)],
    'questionnaire_indicator.csv': ['version', 'code', 'role_code', 'seq', 'label_ja', 'label_en', 'hint_ja', 'hint_en',
        'answer_type', 'unit_ja', 'unit_en', 'min_value', 'max_value', 'full_credit_value', 'source_case',
        'source_practice', 'report_item_code', 'report_item_ja'],
}
STEPS = OrderedDict([
    (1, ('BASICS', [])),
    (2, ('MEDICAL_COOPERATION', ['CLINIC_CLINIC', 'CLINIC_HOSPITAL', 'HOSPITAL_HOSPITAL'])),
    (3, ('HEALTH', ['MATERNAL_CHILD', 'SCHOOL_HEALTH', 'OCCUPATIONAL_HEALTH'])),
    (4, ('COMMUNITY_CARE', ['CARE_WELFARE', 'HOME_CARE', 'END_OF_LIFE'])),
    (5, ('AVAILABILITY', ['OUT_OF_HOURS', 'MULTIDISCIPLINARY', 'EMERGENCY'])),
    (6, ('DEVELOPMENT', ['CAREER_SUPPORT', 'OTHER'])),
])
REPORT_ITEMS = {'NO2_OUT_OF_HOURS', 'NO2_DISCHARGE_SUPPORT', 'NO2_HOME_CARE', 'NO2_CARE_COOPERATION',
                'NO2_OTHER_CHECKUPS', 'NO2_OTHER_COMMUNITY', 'NO2_OTHER_EDUCATION'}
REQUIRED_REPORT = {'NO2_OUT_OF_HOURS': 'OUT_OF_HOURS', 'NO2_HOME_CARE': 'HOME_CARE',
                   'NO2_CARE_COOPERATION': 'CARE_WELFARE'}
CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩'
QUOTE = re.compile('「([^「」]*)」')

errors = []


def err(msg):
    errors.append(msg)


def read(name, strict=True):
    raw = (DATA / name).read_bytes()
    if raw.startswith(b'\xef\xbb\xbf'):
        err(f'{name}: has a BOM')
    text = raw.decode('utf-8')
    rows = list(csv.reader(io.StringIO(text, newline='')))
    if strict:
        if '\r' in text:
            err(f'{name}: contains \\r')
        out = io.StringIO()
        csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator='\n').writerows(rows)
        if out.getvalue() != text:
            err(f'{name}: not in the canonical form (every field quoted, \\n line ends)')
    header, body = rows[0], rows[1:]
    if name in COLUMNS and header != COLUMNS[name]:
        err(f'{name}: header {header} != {COLUMNS[name]}')
    for i, r in enumerate(body, start=2):
        if len(r) != len(header):
            err(f'{name}: row {i} has {len(r)} columns, expected {len(header)}')
    return [dict(zip(header, r)) for r in body]


seed = SEED.read_text(encoding='utf-8')
roles = [r['code'] for r in read('role.csv', strict=False)]
practices = {(r['case_number'], r['practice_no']) for r in read('practice.csv', strict=False)}
cases = {r['case_number'] for r in read('case_study.csv', strict=False)}

q = read('questionnaire.csv')
if len(q) != 1 or q[0]['version'] != '1':
    err('questionnaire.csv: expected one row with version 1')
version = '1'

steps = read('questionnaire_step.csv')
if [(int(s['step_no']), s['code']) for s in steps] != [(n, c) for n, (c, _) in STEPS.items()]:
    err(f'steps: {[(s["step_no"], s["code"]) for s in steps]}')
for s in steps:
    if s['version'] != version:
        err(f'step {s["step_no"]}: version {s["version"]}')
    for k in ('title_ja', 'title_en', 'intro_ja', 'intro_en'):
        if not s[k] or s[k] == 'NULL':
            err(f'step {s["step_no"]}: empty {k}')

qroles = read('questionnaire_role.csv')
if [r['role_code'] for r in qroles] != roles:
    err(f'questionnaire_role: roles {[r["role_code"] for r in qroles]} != {roles}')
step_of = {role: n for n, (_, rs) in STEPS.items() for role in rs}
quotes = 0
for r in qroles:
    code = r['role_code']
    if r['version'] != version:
        err(f'{code}: version')
    if int(r['seq']) != roles.index(code) + 1:
        err(f'{code}: seq {r["seq"]}')
    if int(r['step_no']) != step_of.get(code):
        err(f'{code}: step {r["step_no"]}, expected {step_of.get(code)}')
    for k in r:
        if not r[k] or r[k] == 'NULL':
            err(f'{code}: empty {k}')
    if '「' not in r['help_ja']:
        err(f'{code}: help_ja quotes nothing')
    if r['help_ja'].count('「') != r['help_ja'].count('」'):
        err(f'{code}: unbalanced 「」 in help_ja')
    for m in QUOTE.findall(r['help_ja']):
        if len(m) >= 8:
            quotes += 1
            if m not in seed:
                err(f'{code}: quote not in seed: 「{m}」')
    src = r['help_source']
    m = re.fullmatch(r'(事例\d+|参考\d) ([①-⑩])', src)
    if m:
        case = m.group(1).replace('事例', '')
        if (case, str(CIRCLED.index(m.group(2)) + 1)) not in practices:
            err(f'{code}: help_source {src} is not a practice')
    elif src != 'かかりつけ医機能について':
        err(f'{code}: help_source {src!r}')
    if re.search('[ぁ-んァ-ヶ一-龥]', r['help_en']):
        err(f'{code}: Japanese in help_en')
    if '中核' not in r['level4_ja']:
        err(f'{code}: level4_ja does not say 中核')

inds = read('questionnaire_indicator.csv')
codes = Counter(i['code'] for i in inds)
for c, n in codes.items():
    if n > 1:
        err(f'indicator code {c} used {n} times')
per_role = OrderedDict((r, []) for r in roles)
for i in inds:
    c = i['code']
    if i['version'] != version:
        err(f'{c}: version')
    if i['role_code'] not in per_role:
        err(f'{c}: unknown role {i["role_code"]}')
        continue
    if not c.startswith(i['role_code'] + '.') or not re.fullmatch(r'[A-Z_]+\.[a-z0-9_]+', c):
        err(f'{c}: code must be <ROLE_CODE>.<snake_name>')
    per_role[i['role_code']].append(i)
    for k in ('label_ja', 'label_en'):
        if not i[k] or i[k] == 'NULL':
            err(f'{c}: empty {k}')
    if (i['source_case'], i['source_practice']) not in practices:
        err(f'{c}: source {i["source_case"]}/{i["source_practice"]} not in practice.csv')
    t = i['answer_type']
    nums = [i[k] for k in ('unit_ja', 'unit_en', 'min_value', 'max_value', 'full_credit_value')]
    if t == 'NUMBER':
        try:
            mn, mx, full = int(i['min_value']), int(i['max_value']), int(i['full_credit_value'])
            if not (mn < full <= mx):
                err(f'{c}: need min < full_credit <= max ({mn}, {full}, {mx})')
        except ValueError:
            err(f'{c}: NUMBER needs integer min/max/full_credit')
        if 'NULL' in (i['unit_ja'], i['unit_en']):
            err(f'{c}: NUMBER needs units')
    elif t in ('YES_NO', 'REPORT_SCALE'):
        if any(v != 'NULL' for v in nums):
            err(f'{c}: {t} must have NULL units/min/max/full_credit')
    else:
        err(f'{c}: answer_type {t}')
    if t == 'REPORT_SCALE':
        if i['report_item_code'] not in REPORT_ITEMS or i['report_item_ja'] == 'NULL':
            err(f'{c}: REPORT_SCALE needs a report item')
    elif i['report_item_code'] != 'NULL' or i['report_item_ja'] != 'NULL':
        err(f'{c}: only REPORT_SCALE indicators map to the report')
for role, lst in per_role.items():
    if not 3 <= len(lst) <= 6:
        err(f'{role}: {len(lst)} indicators (3–6 expected)')
    if [int(i['seq']) for i in lst] != list(range(1, len(lst) + 1)):
        err(f'{role}: indicator seq not 1..n')
if not 50 <= len(inds) <= 65:
    err(f'{len(inds)} indicators in total (50–65 expected)')
mapped = {}
for i in inds:
    if i['answer_type'] == 'REPORT_SCALE':
        mapped.setdefault(i['report_item_code'], []).append(i)
for item, role in REQUIRED_REPORT.items():
    if not any(i['role_code'] == role for i in mapped.get(item, [])):
        err(f'{item}: no REPORT_SCALE indicator in role {role}')
if 'NO2_DISCHARGE_SUPPORT' not in mapped:
    err('NO2_DISCHARGE_SUPPORT: not mapped')

if errors:
    print('\n'.join(errors))
    sys.exit(1)
print(f'OK: {len(steps)} steps, {len(qroles)} roles, {len(inds)} indicators, {quotes} quotes of >= 8 chars found in the seed')
for role, lst in per_role.items():
    print(f'  {role:20} {len(lst)}  ' + ', '.join(f'{i["source_case"]}-{i["source_practice"]}' for i in lst))
for item in sorted(mapped):
    print(f'  {item:22} <- ' + ', '.join(i['code'] for i in mapped[item]))
