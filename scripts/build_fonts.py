#!/usr/bin/env python3
"""Build Inkspan's fallback fonts and their manifest (see docs/FONTS.md).

    scripts/build_fonts.py OUT_DIR            build (skipped when OUT_DIR/manifest.json is up to date)
    scripts/build_fonts.py --force OUT_DIR    build even if up to date
    scripts/build_fonts.py --check OUT_DIR    verify what a build wrote

Writes into OUT_DIR one subset font per script (Noto Sans from fonts-noto-core), monochrome emoji
(Symbola), symbol and math fallbacks, and Noto Sans CJK cut into slices per regional variant, plus
the index OUT_DIR/manifest.json (fetched first, small) and one slice map per CJK variant (fetched
only when a CJK code point appears):

    manifest.json:
    {"version": 2,
     "fonts": [{"file": "noto-arabic.ttf", "script": "Arab", "variant": "", "bytes": 123456,
                "ranges": [[1536, 1791], ...]}, ...],
     "cjk": [{"variant": "zh-Hans", "script": "Hans", "file": "cjk-slices-sc.json", "bytes": 101404,
              "ranges": [[4352, 4607], ...]}, ...]}

    cjk-slices-sc.json:
    {"version": 2, "variant": "zh-Hans",
     "fonts": [{"file": "noto-cjk-sc-01.otf", "script": "Hans", "variant": "zh-Hans", ...}, ...]}

A font entry's `ranges` are the sorted, merged, inclusive code point ranges of the file's cmap, less
the code points of the base font (DejaVu Sans cut to INKSPAN_FONT_UNICODES of cmake/web_app.cmake)
and less control characters. A `cjk` entry's `ranges` hold every code point its slice map's fonts
have (their union, with gaps of up to SLICE_MAP_GAP code points closed): the app fetches the slice
map for a code point in them that no font of `fonts` has. The order is the preference order: the
`fonts` of the index, then each variant's slice map in `cjk` order; for a code point, the app takes
the first entry that covers it among the entries of the document's CJK variant and all entries of
variant "".

Needs Python 3 with fontTools (Debian: python3-fonttools, pulled in by `fonttools`); stdlib otherwise.
If the interpreter running this has no fontTools, the script re-runs itself with /usr/bin/python3.
"""

import io
import json
import os
import re
import sys
import time

try:
    from fontTools.ttLib import TTFont
    from fontTools import subset as ftsubset
except ImportError:  # e.g. a pyenv python3 first on PATH: use Debian's, which has python3-fonttools
    if os.environ.get("INKSPAN_BUILD_FONTS_REEXEC") != "1" and os.path.exists("/usr/bin/python3") \
            and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.environ["INKSPAN_BUILD_FONTS_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3", os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit("build_fonts.py: fontTools is missing (Debian package python3-fonttools)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CMAKE_FILE = os.path.join(ROOT, "cmake", "web_app.cmake")
BASE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
NOTO = "/usr/share/fonts/truetype/noto/"
SYMBOLA = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"
CJK_TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
MANIFEST = "manifest.json"
MANIFEST_VERSION = 2
SLICE_MAP = "cjk-slices-%s.json"  # per CJK variant, by its file tag
# A slice map's coverage in the index closes gaps of up to this many code points (29953 bytes of
# exact ranges per variant become about 500): a code point in a closed gap that no font has costs
# one needless slice map fetch, only for a character that no font draws anyway.
SLICE_MAP_GAP = 256

# (output name stem, source file, ISO 15924 code, required). Order = preference order.
SCRIPT_FONTS = [
    ("arabic", "NotoSansArabic-Regular.ttf", "Arab", True),
    ("hebrew", "NotoSansHebrew-Regular.ttf", "Hebr", True),
    ("devanagari", "NotoSansDevanagari-Regular.ttf", "Deva", True),
    ("bengali", "NotoSansBengali-Regular.ttf", "Beng", True),
    ("tamil", "NotoSansTamil-Regular.ttf", "Taml", True),
    ("telugu", "NotoSansTelugu-Regular.ttf", "Telu", True),
    ("gujarati", "NotoSansGujarati-Regular.ttf", "Gujr", True),
    ("gurmukhi", "NotoSansGurmukhi-Regular.ttf", "Guru", True),
    ("kannada", "NotoSansKannada-Regular.ttf", "Knda", True),
    ("malayalam", "NotoSansMalayalam-Regular.ttf", "Mlym", True),
    ("oriya", "NotoSansOriya-Regular.ttf", "Orya", True),
    ("sinhala", "NotoSansSinhala-Regular.ttf", "Sinh", True),
    ("thai", "NotoSansThai-Regular.ttf", "Thai", True),
    ("lao", "NotoSansLao-Regular.ttf", "Laoo", True),
    ("khmer", "NotoSansKhmer-Regular.ttf", "Khmr", True),
    ("myanmar", "NotoSansMyanmar-Regular.ttf", "Mymr", True),
    ("georgian", "NotoSansGeorgian-Regular.ttf", "Geor", True),
    ("armenian", "NotoSansArmenian-Regular.ttf", "Armn", True),
    ("ethiopic", "NotoSansEthiopic-Regular.ttf", "Ethi", True),
    # fonts-noto-core has no Noto Sans Tibetan: the serif one is the only Tibetan font it ships.
    ("tibetan", "NotoSerifTibetan-Regular.ttf", "Tibt", False),
    ("syriac", "NotoSansSyriac-Regular.ttf", "Syrc", True),
    ("thaana", "NotoSansThaana-Regular.ttf", "Thaa", True),
    # Other living scripts: small files, fetched only when a text uses them.
    ("mongolian", "NotoSansMongolian-Regular.ttf", "Mong", False),
    ("tifinagh", "NotoSansTifinagh-Regular.ttf", "Tfng", False),
    ("nko", "NotoSansNKo-Regular.ttf", "Nkoo", False),
    ("adlam", "NotoSansAdlam-Regular.ttf", "Adlm", False),
    ("vai", "NotoSansVai-Regular.ttf", "Vaii", False),
    ("bamum", "NotoSansBamum-Regular.ttf", "Bamu", False),
    ("cherokee", "NotoSansCherokee-Regular.ttf", "Cher", False),
    ("canadian-aboriginal", "NotoSansCanadianAboriginal-Regular.ttf", "Cans", False),
    ("osage", "NotoSansOsage-Regular.ttf", "Osge", False),
    ("yi", "NotoSansYi-Regular.ttf", "Yiii", False),
    ("lisu", "NotoSansLisu-Regular.ttf", "Lisu", False),
    ("ol-chiki", "NotoSansOlChiki-Regular.ttf", "Olck", False),
    ("meetei-mayek", "NotoSansMeeteiMayek-Regular.ttf", "Mtei", False),
    ("chakma", "NotoSansChakma-Regular.ttf", "Cakm", False),
    ("syloti-nagri", "NotoSansSylotiNagri-Regular.ttf", "Sylo", False),
    ("limbu", "NotoSansLimbu-Regular.ttf", "Limb", False),
    ("lepcha", "NotoSansLepcha-Regular.ttf", "Lepc", False),
    ("saurashtra", "NotoSansSaurashtra-Regular.ttf", "Saur", False),
    ("hanifi-rohingya", "NotoSansHanifiRohingya-Regular.ttf", "Rohg", False),
    ("javanese", "NotoSansJavanese-Regular.ttf", "Java", False),
    ("balinese", "NotoSansBalinese-Regular.ttf", "Bali", False),
    ("sundanese", "NotoSansSundanese-Regular.ttf", "Sund", False),
    ("buginese", "NotoSansBuginese-Regular.ttf", "Bugi", False),
    ("batak", "NotoSansBatak-Regular.ttf", "Batk", False),
    ("tagalog", "NotoSansTagalog-Regular.ttf", "Tglg", False),
    ("cham", "NotoSansCham-Regular.ttf", "Cham", False),
    ("tai-le", "NotoSansTaiLe-Regular.ttf", "Tale", False),
    ("new-tai-lue", "NotoSansNewTaiLue-Regular.ttf", "Talu", False),
    ("tai-tham", "NotoSansTaiTham-Regular.ttf", "Lana", False),
    ("tai-viet", "NotoSansTaiViet-Regular.ttf", "Tavt", False),
    ("kayah-li", "NotoSansKayahLi-Regular.ttf", "Kali", False),
    ("pahawh-hmong", "NotoSansPahawhHmong-Regular.ttf", "Hmng", False),
    ("miao", "NotoSansMiao-Regular.ttf", "Plrd", False),
    ("wancho", "NotoSansWancho-Regular.ttf", "Wcho", False),
    ("samaritan", "NotoSansSamaritan-Regular.ttf", "Samr", False),
    ("mandaic", "NotoSansMandaic-Regular.ttf", "Mand", False),
    ("coptic", "NotoSansCoptic-Regular.ttf", "Copt", False),
    ("glagolitic", "NotoSansGlagolitic-Regular.ttf", "Glag", False),
    ("runic", "NotoSansRunic-Regular.ttf", "Runr", False),
    ("ogham", "NotoSansOgham-Regular.ttf", "Ogam", False),
]

# Code points a script font keeps even where the base font has them, so that HarfBuzz can shape a
# whole run (spaces, joiners, dotted circle, dandas, combining marks) with one font.
COMPANIONS = [(0x20, 0x20), (0xA0, 0xA0), (0xAD, 0xAD), (0x0300, 0x036F), (0x0964, 0x0965),
              (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x200B, 0x2011), (0x2060, 0x2060),
              (0x20D0, 0x20FF), (0x25CC, 0x25CC), (0xFE00, 0xFE0F), (0xFE20, 0xFE2F)]

# Emoji and pictographs taken from Symbola (monochrome, Unicode 9), in two files: the emoji people
# type (faces, people, animals, food, travel, objects, weather, hearts, flags' regional indicators,
# skin tones, keycaps) and the other pictographs (mahjong, dominoes, cards, enclosed letters,
# ornaments, alchemy, geometric shapes, arrows, technical symbols).
EMOJI_RANGES = [(0x2600, 0x27BF), (0x1F300, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F900, 0x1F9FF),
                (0x1FA70, 0x1FAFF), (0x1F1E6, 0x1F1FF), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF),
                (0x1F170, 0x1F171), (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A),
                (0x1F201, 0x1F202), (0x1F21A, 0x1F21A), (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A),
                (0x1F250, 0x1F251), (0x231A, 0x231B), (0x2328, 0x2328), (0x23CF, 0x23CF),
                (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x2B05, 0x2B07), (0x2B1B, 0x2B1C),
                (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x2934, 0x2935), (0x24C2, 0x24C2),
                (0xE0020, 0xE007F)]
EMOJI_KEEP = [(0x200D, 0x200D), (0x20E3, 0x20E3), (0xFE0E, 0xFE0F)]  # kept in the file even if base has them
PICTOGRAPH_RANGES = [(0x1F000, 0x1FAFF), (0x2300, 0x23FF), (0x2B00, 0x2BFF)]

# Code points no font before the CJK ones may claim: CJK punctuation, kana, hangul, ideographs and
# full-width forms (Mongolian, Yi, Tai Le and Lisu fonts map 3001/3002 and brackets; Math maps
# FF5B/FF5D): a Chinese text must not fetch the Mongolian font for its full stops.
CJK_BLOCKS = [(0x1100, 0x11FF), (0x2E80, 0x2FFF), (0x3000, 0x33FF), (0x3400, 0x4DBF),
              (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF),
              (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
              (0x20000, 0x3FFFF)]
# ... and symbol blocks that script fonts may not claim (the symbol fonts have them; e.g. the
# Mongolian font maps circled digits).
SYMBOL_BLOCKS = [(0x2190, 0x2BFF), (0x1F000, 0x1FBFF)]

# Symbol fonts after the emoji font, each only for what the base and the earlier ones lack.
SYMBOL_FONTS = [
    ("math", "NotoSansMath-Regular.ttf", "Zmth"),
    ("symbols", "NotoSansSymbols-Regular.ttf", "Zsym"),
    ("symbols2", "NotoSansSymbols2-Regular.ttf", "Zsym"),
]

# CJK: (variant, face family name in the TTC, file tag, ISO 15924 code).
CJK_VARIANTS = [
    ("zh-Hans", "Noto Sans CJK SC", "sc", "Hans"),
    ("ja", "Noto Sans CJK JP", "jp", "Jpan"),
    ("ko", "Noto Sans CJK KR", "kr", "Kore"),
    ("zh-Hant", "Noto Sans CJK TC", "tc", "Hant"),
]
CJK_PUNCT = [(0x3000, 0x303F), (0xFF00, 0xFFEF)]
# Kept in CJK files even if an earlier variant-"" font has them (they belong with CJK text).
CJK_OWN = CJK_PUNCT + [(0x3040, 0x30FF), (0x31F0, 0x31FF), (0x3100, 0x312F), (0x31A0, 0x31BF),
                       (0x3130, 0x318F), (0x1100, 0x11FF), (0xA960, 0xA97F), (0xD7B0, 0xD7FF)]
# HarfBuzz's horizontal default features: '*' would also pull vertical and alternate forms
# (vert, jp78, trad, hwid, ...) through the GSUB closure and double every CJK slice. No 'locl':
# each variant has its own face.
CJK_FEATURES = ["ccmp", "rlig", "rclt", "calt", "clig", "liga", "kern", "mark", "mkmk", "curs",
                "dist", "abvm", "blwm", "ljmo", "vjmo", "tjmo", "rvrn"]
CJK_SLICE_TARGET = 480_000   # bytes of output aimed at per shared slice
CJK_LEVEL2_TARGET = 520_000  # level 2 of a standard stays one slice up to about this
CJK_BYTES_PER_RAW = 1.0     # output bytes per byte of source charstring (desubroutinized, no hints)
CJK_GLYPH_OVERHEAD = 12      # hmtx, charset, index per glyph

NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep copyright and the licence (OFL) in every file


def log(*a):
    print(*a, flush=True)


# --------------------------------------------------------------------------------------------
# Code point sets

def to_ranges(cps):
    out = []
    for c in sorted(cps):
        if out and c == out[-1][1] + 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def from_ranges(ranges):
    s = set()
    for a, b in ranges:
        s.update(range(a, b + 1))
    return s


def is_control(c):
    return c < 0x20 or 0x7F <= c <= 0x9F


def base_unicodes_spec():
    with open(CMAKE_FILE, encoding="utf-8") as f:
        m = re.search(r'set\(\s*INKSPAN_FONT_UNICODES\s+"([^"]+)"', f.read())
    if not m:
        sys.exit("build_fonts.py: INKSPAN_FONT_UNICODES not found in " + CMAKE_FILE)
    ranges = []
    for part in m.group(1).split(","):
        part = part.strip().upper()
        if not part.startswith("U+"):
            sys.exit("build_fonts.py: cannot read %r in INKSPAN_FONT_UNICODES" % part)
        lo, _, hi = part[2:].partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    return ranges


def base_coverage():
    """Code points of the base font as cmake/web_app.cmake subsets it."""
    wanted = from_ranges(base_unicodes_spec())
    cmap = TTFont(BASE_FONT, lazy=True).getBestCmap()
    return {c for c in cmap if c in wanted}


def double_byte_chars(codec, lead_bytes, trail_bytes):
    out = []
    for b1 in lead_bytes:
        for b2 in trail_bytes:
            try:
                s = bytes((b1, b2)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.append(ord(s))
    return out


def cjk_frequency_tiers(variant):
    """(slice 1 extra code points, slice 2 code points) from the national standards' levels."""
    r = range
    euc_trail = r(0xA1, 0xFF)
    big5_trail = list(r(0x40, 0x7F)) + list(r(0xA1, 0xFF))
    if variant == "zh-Hans":   # GB 2312: symbols rows, level 1 (3755 hanzi), level 2 (3008)
        one = double_byte_chars("gb2312", r(0xA1, 0xAA), euc_trail) + \
            double_byte_chars("gb2312", r(0xB0, 0xD8), euc_trail)
        two = double_byte_chars("gb2312", r(0xD8, 0xF8), euc_trail)
    elif variant == "ja":      # JIS X 0208: symbols and kana rows, level 1 (2965), level 2 (3390)
        one = double_byte_chars("euc_jp", r(0xA1, 0xA9), euc_trail) + \
            double_byte_chars("euc_jp", r(0xB0, 0xD0), euc_trail) + \
            list(r(0x3040, 0x3100)) + list(r(0x31F0, 0x3200)) + list(r(0xFF65, 0xFFA0))
        two = double_byte_chars("euc_jp", r(0xD0, 0xF5), euc_trail)
    elif variant == "ko":      # KS X 1001: symbols rows, 2350 hangul, jamo; then 4888 hanja
        one = double_byte_chars("euc_kr", r(0xA1, 0xAD), euc_trail) + \
            double_byte_chars("euc_kr", r(0xB0, 0xC9), euc_trail) + \
            list(r(0x1100, 0x1200)) + list(r(0x3130, 0x3190)) + list(r(0xA960, 0xA980)) + \
            list(r(0xD7B0, 0xD800))
        two = double_byte_chars("euc_kr", r(0xCA, 0xFE), euc_trail)
    elif variant == "zh-Hant":  # Big5: symbols, frequent hanzi (5401), less frequent (7652)
        one = double_byte_chars("big5", r(0xA1, 0xA4), big5_trail) + \
            double_byte_chars("big5", r(0xA4, 0xC7), big5_trail) + \
            list(r(0x3100, 0x3130)) + list(r(0x31A0, 0x31C0))
        two = double_byte_chars("big5", r(0xC9, 0xFA), big5_trail)
    else:
        raise ValueError(variant)
    return set(one) | from_ranges(CJK_PUNCT), set(two)


# --------------------------------------------------------------------------------------------
# Planning: which code points go into which file

def find_cjk_faces():
    from fontTools.ttLib import TTCollection
    faces = {}
    coll = TTCollection(CJK_TTC, lazy=True)
    for i, font in enumerate(coll.fonts):
        faces.setdefault(font["name"].getDebugName(1), i)
    return faces


def charstring_sizes(font):
    """Source charstring byte length per glyph name of a CFF font (read from the index offsets)."""
    td = font["CFF "].cff.topDictIndex[0]
    offsets = td.CharStrings.charStringsIndex.offsets
    order = font.getGlyphOrder()
    return {name: offsets[i + 1] - offsets[i] for i, name in enumerate(order)}


def split_by_size(cps, weight, target):
    """Split sorted code points into consecutive parts of roughly equal total weight."""
    cps = sorted(cps)
    total = sum(weight(c) for c in cps)
    n = max(1, round(total / target))
    per = total / n
    parts, cur, acc = [], [], 0.0
    for c in cps:
        cur.append(c)
        acc += weight(c)
        if acc >= per * (len(parts) + 1) and len(parts) < n - 1:
            parts.append(cur)
            cur = []
    if cur:
        parts.append(cur)
    return parts


def plan(base):
    """Returns the list of jobs in manifest order. A job may be listed for several variants
    (shared CJK slices): job['entries'] holds (script, variant) pairs."""
    jobs = []
    missing = []
    cjk_blocks = from_ranges(CJK_BLOCKS)
    companions = from_ranges(COMPANIONS)
    foreign = cjk_blocks | from_ranges(SYMBOL_BLOCKS)
    for stem, src, script, required in SCRIPT_FONTS:
        path = NOTO + src
        if not os.path.exists(path):
            if required:
                missing.append(path)
            continue
        cmap = TTFont(path, lazy=True).getBestCmap()
        keep = {c for c in cmap if c in companions or
                (not is_control(c) and c not in base and c not in foreign)}
        jobs.append(dict(file="noto-%s.ttf" % stem, src=path, face=-1, unicodes=sorted(keep),
                         features="*", entries=[(script, "")]))
    if missing:
        sys.exit("build_fonts.py: missing fonts (fonts-noto-core?): " + " ".join(missing))

    covered = set()  # code points that variant-"" entries listed so far show
    for j in jobs:
        covered.update(c for c in j["unicodes"] if c not in base)

    if not os.path.exists(SYMBOLA):
        sys.exit("build_fonts.py: missing " + SYMBOLA + " (fonts-symbola)")
    cmap = TTFont(SYMBOLA, lazy=True).getBestCmap()
    wanted, keep_any = from_ranges(EMOJI_RANGES), from_ranges(EMOJI_KEEP)
    keep = {c for c in cmap if (c in wanted and c not in base and c not in covered
                                and c not in cjk_blocks) or c in keep_any}
    jobs.append(dict(file="emoji-symbola.ttf", src=SYMBOLA, face=-1, unicodes=sorted(keep),
                     features="*", entries=[("Zsye", "")]))
    covered.update(c for c in keep if c not in base)
    wanted = from_ranges(PICTOGRAPH_RANGES)
    keep = {c for c in cmap if c in wanted and c not in base and c not in covered
            and c not in cjk_blocks}
    jobs.append(dict(file="symbola-pictographs.ttf", src=SYMBOLA, face=-1, unicodes=sorted(keep),
                     features="*", entries=[("Zsym", "")]))
    covered |= keep

    for stem, src, script in SYMBOL_FONTS:
        path = NOTO + src
        if not os.path.exists(path):
            sys.exit("build_fonts.py: missing " + path)
        cmap = TTFont(path, lazy=True).getBestCmap()
        keep = {c for c in cmap if not is_control(c) and c not in base and c not in covered
                and c not in cjk_blocks}
        if keep:
            jobs.append(dict(file="noto-%s.ttf" % stem, src=path, face=-1, unicodes=sorted(keep),
                             features="*", entries=[(script, "")]))
            covered |= keep

    jobs += plan_cjk(base, covered)
    return jobs


def plan_cjk(base, covered):
    if not os.path.exists(CJK_TTC):
        sys.exit("build_fonts.py: missing " + CJK_TTC + " (fonts-noto-cjk)")
    faces = find_cjk_faces()
    own = from_ranges(CJK_OWN)
    info = {}
    for variant, family, tag, script in CJK_VARIANTS:
        if family not in faces:
            sys.exit("build_fonts.py: no face %r in %s" % (family, CJK_TTC))
        font = TTFont(CJK_TTC, fontNumber=faces[family], lazy=True)
        cmap = font.getBestCmap()
        universe = {c for c in cmap if not is_control(c) and c not in base
                    and (c not in covered or c in own)}
        info[variant] = dict(face=faces[family], cmap=cmap, universe=universe, tag=tag,
                             script=script, font=font)
    sizes = charstring_sizes(info[CJK_VARIANTS[0][0]]["font"])  # one CFF shared by all faces

    def weight(variant):
        cmap = info[variant]["cmap"]
        return lambda c: CJK_BYTES_PER_RAW * sizes.get(cmap[c], 0) + CJK_GLYPH_OVERHEAD

    # Slice 1 (level 1) and slice 2 (level 2, cut in several when large) per variant by
    # frequency, in the variant's own face. Everything else the faces cover is cut once, by code
    # point, into "shared" slices of about equal size from the first face; every variant lists
    # them after its own. They cover whole code point spans
    # (a few ranges each, so the manifest stays small) and so repeat some glyphs of slices 1-2;
    # the list order makes the variant's own slice win. 32094 of the 44810 code points of the
    # TTC have the same glyph in all four faces (all hangul, most rare hanzi); for the others the
    # shared slices show the first face's (Simplified Chinese) form, only outside the national
    # standards' two levels.
    jobs = []
    for variant, _, tag, script in CJK_VARIANTS:
        v = info[variant]
        one, two = cjk_frequency_tiers(variant)
        one &= v["universe"]
        two = (two & v["universe"]) - one
        # Level 2 can be large (Big5's has 7652 hanzi): cut it like the rest when it is.
        parts = [sorted(one)] + (split_by_size(two, weight(variant), CJK_LEVEL2_TARGET) if two else [])
        for n, cps in enumerate(parts):
            jobs.append(dict(file="noto-cjk-%s-%02d.otf" % (tag, n + 1), src=CJK_TTC,
                             face=v["face"], unicodes=cps, features=CJK_FEATURES,
                             entries=[(script, variant)]))
    first = CJK_VARIANTS[0][0]
    shared = info[first]["universe"] - from_ranges(CJK_PUNCT)
    for i, part in enumerate(split_by_size(shared, weight(first), CJK_SLICE_TARGET)):
        jobs.append(dict(file="noto-cjk-shared-%02d.otf" % (i + 1), src=CJK_TTC,
                         face=info[first]["face"], unicodes=part, features=CJK_FEATURES,
                         entries=[(info[v]["script"], v) for v, *_ in CJK_VARIANTS]))
    return jobs


# --------------------------------------------------------------------------------------------
# Subsetting (runs in worker processes)

_source_cache = {}


def _source(path):
    data = _source_cache.get(path)
    if data is None:  # read each source (the 19 MB TTC above all) once per process
        with open(path, "rb") as f:
            data = _source_cache[path] = f.read()
    return data


def write_atomic(path, data):
    """Replace path by data; leaves the file (and its mtime) alone when its content is the same."""
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return
    except OSError:
        pass
    tmp = "%s.tmp-%d" % (path, os.getpid())
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def subset_job(args):
    job, out_dir = args
    t0 = time.process_time()
    font = TTFont(io.BytesIO(_source(job["src"])), fontNumber=job["face"],
                  recalcTimestamp=False, recalcBBoxes=False)
    if job["src"] == CJK_TTC:
        # No Unicode variation sequences (cmap format 14): the Japanese face's 3893 IVS mappings
        # would add some 860 glyphs (~20 %) to jp-01 for ideographic variants of names.
        font["cmap"].tables = [t for t in font["cmap"].tables if t.format != 14]
    opts = ftsubset.Options()
    opts.layout_features = ["*"] if job["features"] == "*" else list(job["features"])
    opts.hinting = False
    opts.desubroutinize = True   # makes CFF slices smaller here (and better compressible)
    opts.name_IDs = NAME_IDS
    opts.name_languages = [0x409]
    opts.drop_tables = list(opts.drop_tables) + ["vhea", "vmtx", "VORG", "DSIG", "BASE"]
    opts.notdef_outline = True
    opts.glyph_names = False
    sub = ftsubset.Subsetter(opts)
    sub.populate(unicodes=job["unicodes"])
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    data = buf.getvalue()
    write_atomic(os.path.join(out_dir, job["file"]), data)
    cmap = sorted(font.getBestCmap())
    return dict(file=job["file"], cmap=cmap, bytes=len(data), glyphs=font["maxp"].numGlyphs,
                secs=time.process_time() - t0)


# --------------------------------------------------------------------------------------------
# Driver

def input_files():
    files = [os.path.abspath(__file__), CMAKE_FILE, BASE_FONT, SYMBOLA, CJK_TTC]
    files += [NOTO + src for _, src, *_ in SCRIPT_FONTS + SYMBOL_FONTS if os.path.exists(NOTO + src)]
    return files


def up_to_date(out_dir):
    man = os.path.join(out_dir, MANIFEST)
    try:
        stamp = os.path.getmtime(man)
        with open(man, encoding="utf-8") as f:
            index = json.load(f)
        if index["version"] != MANIFEST_VERSION:
            return False
        entries = list(index["fonts"])
        for ref in index["cjk"]:
            path = os.path.join(out_dir, ref["file"])
            if os.path.getsize(path) != ref["bytes"]:
                return False
            with open(path, encoding="utf-8") as f:
                entries += json.load(f)["fonts"]
        for e in entries:
            if os.path.getsize(os.path.join(out_dir, e["file"])) != e["bytes"]:
                return False
        return all(os.path.getmtime(p) < stamp for p in input_files())
    except (OSError, ValueError, KeyError, TypeError):
        return False


# --------------------------------------------------------------------------------------------
# Manifests: the index and the CJK slice maps

def merge_ranges(ranges, gap=0):
    """Sorted inclusive ranges, merged where they overlap or are at most `gap` code points apart."""
    out = []
    for a, b in sorted(ranges):
        if out and a - out[-1][1] - 1 <= gap:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def manifest_text(head, lists):
    """JSON with the `head` (key, value) pairs first and one line per entry of each list."""
    parts = ['"%s": %s' % (k, json.dumps(v)) for k, v in head]
    for k, entries in lists:
        parts.append('"%s": [\n%s\n]' % (k, ",\n".join(json.dumps(e, separators=(",", ":"))
                                                        for e in entries)))
    return "{" + ",\n ".join(parts) + "}\n"


def split_manifest(fonts):
    """The font entries in preference order as (index text, {slice map file: text}): the entries
    of variant "" stay in the index; each CJK variant's go into its own slice map, which the index
    names with the code points it may cover."""
    variants = {v for v, *_ in CJK_VARIANTS}
    assert all(e["variant"] in variants or e["variant"] == "" for e in fonts)
    maps, refs = {}, []
    for variant, _, tag, script in CJK_VARIANTS:
        entries = [e for e in fonts if e["variant"] == variant]
        if not entries:
            continue
        name = SLICE_MAP % tag
        text = manifest_text([("version", MANIFEST_VERSION), ("variant", variant)], [("fonts", entries)])
        maps[name] = text
        covers = merge_ranges([r for e in entries for r in e["ranges"]], SLICE_MAP_GAP)
        refs.append({"variant": variant, "script": script, "file": name,
                     "bytes": len(text.encode("utf-8")), "ranges": covers})
    index = manifest_text([("version", MANIFEST_VERSION)],
                          [("fonts", [e for e in fonts if e["variant"] == ""]), ("cjk", refs)])
    return index, maps


def build(out_dir, procs):
    t0 = time.monotonic()
    os.makedirs(out_dir, exist_ok=True)
    base = base_coverage()
    jobs = plan(base)
    t_plan = time.monotonic() - t0
    # Largest first so that two processes finish together.
    order = sorted(jobs, key=lambda j: -len(j["unicodes"]) * (8 if j["src"] == CJK_TTC else 1))
    results = {}
    work = [(j, out_dir) for j in order]
    if procs > 1:
        import multiprocessing
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(procs) as pool:
            for r in pool.imap_unordered(subset_job, work):
                results[r["file"]] = r
    else:
        for w in work:
            r = subset_job(w)
            results[r["file"]] = r

    fonts = []
    total_bytes = 0
    for j in jobs:
        r = results[j["file"]]
        shown = [c for c in r["cmap"] if c not in base and not is_control(c)]
        ranges = to_ranges(shown)
        total_bytes += r["bytes"]
        for script, variant in j["entries"]:
            fonts.append({"file": j["file"], "script": script, "variant": variant,
                          "bytes": r["bytes"], "ranges": ranges})
        log("%-28s %-5s %-8s %6d code points %5d glyphs %9d bytes %5.1f s CPU" % (
            j["file"], j["entries"][0][0], ",".join(v for _, v in j["entries"]) or "-",
            len(shown), r["glyphs"], r["bytes"], r["secs"]))
    index, maps = split_manifest(fonts)
    # Remove files of an earlier build that this one no longer writes.
    names = {j["file"] for j in jobs} | set(maps)
    for name in os.listdir(out_dir):
        if re.fullmatch(r"((noto|emoji|symbola)-[a-z0-9-]+\.(ttf|otf)|cjk-slices-[a-z]+\.json)(\.tmp-\d+)?",
                        name) and name not in names:
            os.remove(os.path.join(out_dir, name))
    for name, text in maps.items():
        write_atomic(os.path.join(out_dir, name), text.encode("utf-8"))
    write_atomic(os.path.join(out_dir, MANIFEST), index.encode("utf-8"))  # last: the stamp
    os.utime(os.path.join(out_dir, MANIFEST))  # newer than every input
    log("total: %d files, %d bytes (+ index %d bytes, slice maps %s)" % (
        len(jobs), total_bytes, len(index.encode("utf-8")),
        ", ".join("%s %d bytes" % (n, len(t.encode("utf-8"))) for n, t in maps.items())))
    log("%d processes, %.1f s (planning %.1f s)" % (procs, time.monotonic() - t0, t_plan))


def check_entry(where, e, out_dir, base, seen, errors):
    """Checks one font entry against its file (read once into `seen`); its code points."""
    if set(e) != {"file", "script", "variant", "bytes", "ranges"}:
        errors.append(where + ": keys must be exactly file, script, variant, bytes, ranges")
        return set()
    if not re.fullmatch(r"[A-Z][a-z]{3}", e["script"]):
        errors.append(where + ": script %r is not an ISO 15924 code" % e["script"])
    path = os.path.join(out_dir, e["file"])
    if e["file"] not in seen:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as ex:
            errors.append(where + ": " + str(ex))
            return set()
        if data[:4] not in (b"\x00\x01\x00\x00", b"OTTO"):
            errors.append(where + ": not a single TrueType/CFF font (tag %r)" % data[:4])
        font = TTFont(io.BytesIO(data))
        if not ("glyf" in font and "loca" in font) and "CFF " not in font:
            errors.append(where + ": neither glyf nor CFF outlines")
        seen[e["file"]] = (len(data), set(font.getBestCmap()))
    size, cmap = seen[e["file"]]
    if size != e["bytes"]:
        errors.append(where + ": bytes %d but the file has %d" % (e["bytes"], size))
    cps = ranges_checked(where, e["ranges"], errors)
    if cps - cmap:
        errors.append(where + ": %d code points not in its cmap, e.g. U+%04X" % (
            len(cps - cmap), min(cps - cmap)))
    if cps & base:
        errors.append(where + ": %d code points the base font has, e.g. U+%04X" % (
            len(cps & base), min(cps & base)))
    if any(is_control(c) for c in cps):
        errors.append(where + ": lists control characters")
    expected = {c for c in cmap if c not in base and not is_control(c)}
    if cps != expected:
        errors.append(where + ": ranges differ from the cmap less the base (%d vs %d)" % (
            len(cps), len(expected)))
    return cps


def ranges_checked(where, ranges, errors):
    """The code points of `ranges`; an error unless they are sorted and merged."""
    prev = None
    cps = set()
    for r in ranges:
        if len(r) != 2 or r[0] > r[1] or (prev is not None and r[0] <= prev + 1):
            errors.append(where + ": ranges not sorted and merged at %r" % (r,))
            break
        prev = r[1]
        cps.update(range(r[0], r[1] + 1))
    return cps


def check(out_dir):
    """Reloads the index, every slice map and every file they name, and checks them against each
    other and the base font."""
    errors = []
    base = base_coverage()
    with open(os.path.join(out_dir, MANIFEST), encoding="utf-8") as f:
        index = json.load(f)
    if set(index) != {"version", "fonts", "cjk"} or index["version"] != MANIFEST_VERSION:
        errors.append("manifest: keys must be exactly version, fonts, cjk; version %d" % MANIFEST_VERSION)
    seen = {}
    total_cps = entries = 0
    for i, e in enumerate(index.get("fonts", [])):
        where = "fonts[%d] (%s)" % (i, e.get("file"))
        if e.get("variant") != "":
            errors.append(where + ": variant %r in the index (CJK entries go in slice maps)" % e.get("variant"))
        total_cps += len(check_entry(where, e, out_dir, base, seen, errors))
        entries += 1
    maps_bytes = 0
    variants = {v: SLICE_MAP % tag for v, _, tag, _ in CJK_VARIANTS}
    for i, ref in enumerate(index.get("cjk", [])):
        where = "cjk[%d] (%s)" % (i, ref.get("file"))
        if set(ref) != {"variant", "script", "file", "bytes", "ranges"}:
            errors.append(where + ": keys must be exactly variant, script, file, bytes, ranges")
            continue
        if variants.get(ref["variant"]) != ref["file"]:
            errors.append(where + ": variant %r" % ref["variant"])
        covers = ranges_checked(where, ref["ranges"], errors)
        try:
            with open(os.path.join(out_dir, ref["file"]), "rb") as f:
                data = f.read()
            slice_map = json.loads(data)
        except (OSError, ValueError) as ex:
            errors.append(where + ": " + str(ex))
            continue
        maps_bytes += len(data)
        if len(data) != ref["bytes"]:
            errors.append(where + ": bytes %d but the file has %d" % (ref["bytes"], len(data)))
        if set(slice_map) != {"version", "variant", "fonts"} or slice_map["version"] != MANIFEST_VERSION \
                or slice_map["variant"] != ref["variant"]:
            errors.append(where + ": keys must be exactly version, variant, fonts; version %d, variant %r" % (
                MANIFEST_VERSION, ref["variant"]))
        for k, e in enumerate(slice_map.get("fonts", [])):
            ewhere = "%s fonts[%d] (%s)" % (ref["file"], k, e.get("file"))
            if e.get("variant") != ref["variant"]:
                errors.append(ewhere + ": variant %r in the %s slice map" % (e.get("variant"), ref["variant"]))
            cps = check_entry(ewhere, e, out_dir, base, seen, errors)
            if cps - covers:
                errors.append(ewhere + ": %d code points outside the index's ranges for %s, e.g. U+%04X" % (
                    len(cps - covers), ref["variant"], min(cps - covers)))
            total_cps += len(cps)
            entries += 1
    total_bytes = sum(s for s, _ in seen.values())
    for msg in errors:
        log("error: " + msg)
    log("check: index %d bytes, %d slice maps %d bytes; %d entries, %d files, %d bytes, "
        "%d code points listed, %d errors" % (
            os.path.getsize(os.path.join(out_dir, MANIFEST)), len(index.get("cjk", [])), maps_bytes,
            entries, len(seen), total_bytes, total_cps, len(errors)))
    return 1 if errors else 0


def main(argv):
    import argparse
    import logging
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--check", action="store_true", help="verify OUT_DIR instead of building")
    ap.add_argument("--force", action="store_true", help="build even if OUT_DIR is up to date")
    ap.add_argument("-j", "--jobs", type=int, default=min(2, os.cpu_count() or 1),
                    help="worker processes (default: 2, or 1 on one core)")
    a = ap.parse_args(argv)
    if a.check:
        return check(a.out_dir)
    if not a.force and up_to_date(a.out_dir):
        log("fonts in %s are up to date" % a.out_dir)
        return 0
    build(a.out_dir, max(1, a.jobs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
