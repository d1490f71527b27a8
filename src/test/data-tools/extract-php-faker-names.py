#!/usr/bin/env python3
"""Derives test lists of surnames from Debian's php-faker package (FakerPHP), a third faker lineage
that neither faker-js nor datafaker copies: names from a source the model never trains on.

    apt-get download php-faker && dpkg-deb -x php-faker_*.deb x
    extract-php-faker-names.py x/usr/share/php/Faker/Provider data

Writes, sorted and deduplicated (see src/site/markdown/data-sources.md for the mapping):
  data/cross-source/php-faker/<Origin>.txt        Latin-script surnames of our origins
  data/native-script/php-faker/<Origin>.txt       surnames of our origins in their own script
  data/other-languages/php-faker/<locale>.txt     surnames of languages that are none of the 18
"""
import os, re, sys

PROVIDERS, OUT = sys.argv[1], sys.argv[2]

LATIN = {'Czech': ['cs_CZ'], 'Dutch': ['nl_NL'], 'English': ['en_GB'], 'French': ['fr_FR'],
         'German': ['de_DE', 'de_AT'], 'Italian': ['it_IT'], 'Polish': ['pl_PL'],
         'Portuguese': ['pt_BR', 'pt_PT'], 'Spanish': ['es_ES', 'es_AR', 'es_PE', 'es_VE'],
         'Vietnamese': ['vi_VN']}
NATIVE = {'Arabic': ['ar_JO', 'ar_SA', 'ar_EG'], 'Chinese': ['zh_CN', 'zh_TW'], 'Greek': ['el_GR'],
          'Japanese': ['ja_JP'], 'Korean': ['ko_KR'], 'Russian': ['ru_RU']}
# Left out: locales of our origins' countries in another language or mixed (it_CH, fr_CH, de_CH,
# fr_BE, nl_BE, fr_CA, el_CY, en_US, en_SG, en_ZA, en_IN's English names), and the Latin list of
# ja_JP (kana only).
OTHER = ['bg_BG', 'bn_BD', 'da_DK', 'en_NG', 'en_UG', 'et_EE', 'fa_IR', 'fi_FI', 'he_IL', 'hr_HR',
         'hu_HU', 'hy_AM', 'id_ID', 'is_IS', 'ka_GE', 'kk_KZ', 'lt_LT', 'lv_LV', 'me_ME', 'mn_MN',
         'ms_MY', 'nb_NO', 'ne_NP', 'ro_RO', 'sk_SK', 'sl_SI', 'sr_Cyrl_RS', 'sr_Latn_RS', 'sv_SE',
         'th_TH', 'tr_TR', 'uk_UA']
# the arrays that hold surnames, whatever each locale calls them (not kana readings or formats)
ARRAY = re.compile(r"static \$(lastName(?:Male|Female)?|\w*LastNames)\s*=\s*\[(.*?)\];", re.S)
STRING = re.compile(r"'((?:[^'\\]|\\.)*)'")


def surnames(locale):
    path = os.path.join(PROVIDERS, locale, 'Person.php')
    with open(path, encoding='utf-8') as f:
        source = f.read()
    names = set()
    for match in ARRAY.finditer(source):
        for name in STRING.findall(match.group(2)):
            name = name.replace("\\'", "'").strip()
            if name and '{' not in name:
                names.add(name)
    return names


def write(path, names):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.writelines(n + '\n' for n in sorted(names))


for kind, mapping in (('cross-source', LATIN), ('native-script', NATIVE)):
    for origin, locales in mapping.items():
        names = set().union(*(surnames(l) for l in locales))
        write(os.path.join(OUT, kind, 'php-faker', origin + '.txt'), names)
for locale in OTHER:
    write(os.path.join(OUT, 'other-languages', 'php-faker', locale + '.txt'), surnames(locale))
