#!/usr/bin/env python3
"""Rewrite each synd-dev page's OWN publish-date expressions into other
real-world date formats (same day and minute, wall clock unchanged): the
pages of outlets that print their dates otherwise.

  python3 bench/date_variants.py SYND_DEV OUT v1   # one format per outlet (seeded)
  python3 bench/date_variants.py SYND_DEV OUT v2   # one format per page
  python3 bench/date_variants.py SYND_DEV OUT v0   # control: original formats, year
                                # added to the yearless header dates only
  python3 bench/date_variants.py SYND_DEV OUT survey  # what would be rewritten

SYND_DEV is the benchmark directory (../shared/bench/synd-dev). Writes
OUT/pages-vN/<id>.txt (in the page's own encoding) and OUT/vN-manifest.tsv
(id, outlet, lang, format, n_exprs, printed_time, old -> new expressions).
Score a variant as the originals: reprint scan OUT/pages-vN --id-from
basename --clusters c.tsv --origins o.tsv, then score_synd.py SYND_DEV
c.tsv --origins o.tsv (the truth is the benchmark's; the ids are the
file names).

An expression is "own" when it parses to the page's details.tsv date (and,
if it prints a time, to its hour:minute). Yearless header lines (快看新闻
'X 8月10日 21:40', Coastline News 'X · March 23') are matched only by their
line shape near the top of the page. Dates inside article text (no year,
another day, or a long prose line) are left alone.
Standard library only.
"""
import csv
import hashlib
import os
import random
import re
import sys
import datetime as dtm
from collections import Counter, defaultdict

BENCH = sys.argv[1] if len(sys.argv) > 3 else ''
OUT = sys.argv[2] if len(sys.argv) > 3 else ''
SEED = 20240611

CODEC = {'utf-8': 'utf-8', 'gbk': 'gbk', 'gb18030': 'gb18030', 'big5': 'big5',
         'big5-hkscs': 'big5hkscs', 'cp1252': 'cp1252'}

MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
          'August', 'September', 'October', 'November', 'December']
MON3 = [m[:3] for m in MONTHS]
MON_RE = '|'.join(MONTHS + ['Sept'] + MON3)
DOW = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
DOW_RE = '|'.join(DOW + [d[:3] for d in DOW])
AP_MON = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sep.',
          'Oct.', 'Nov.', 'Dec.']
ZH_DOW = '一二三四五六日'

FW = str.maketrans('０１２３４５６７８９：－／．', '0123456789:-/.')
S = r'[ \u3000]*'          # optional (segmentation) spaces
D = r'[0-9０-９]'

# ---------------------------------------------------------------- detection
# Each pattern: (name, compiled regex). Named groups: Y M D h m s mon dow zone.
TIME = (r'(?P<h>{d}{{1,2}}){s}[:：]{s}(?P<m>{d}{{2}})(?:{s}[:：]{s}(?P<s>{d}{{2}}))?'
        .format(d=D, s=S))
ZONE = r'(?P<zone>Z|{s}\+{s}\d\d{s}:{s}\d\d| GMT| PT)?'.format(s=S)
PATTERNS = [
    # 2024-10-02 / 1987-03-11 18:11:46 GMT / 2023-12-29T22:03:38+08:00 (segmented too)
    ('ymd-dash', re.compile(
        r'(?<![0-9０-９])(?P<Y>{d}{{4}}){s}[-－]{s}(?P<M>{d}{{1,2}}){s}[-－]{s}(?P<D>{d}{{1,2}})(?![0-9０-９])'
        r'(?:(?:T|[ \u3000]+){t})?{z}'.format(d=D, s=S, t=TIME, z=ZONE))),
    # 2023/01/18 20:18
    ('ymd-slash', re.compile(
        r'(?<![0-9０-９])(?P<Y>{d}{{4}}){s}[/／]{s}(?P<M>{d}{{1,2}}){s}[/／]{s}(?P<D>{d}{{1,2}})(?![0-9０-９])'
        r'(?:[ \u3000]+{t})?'.format(d=D, s=S, t=TIME))),
    # 2024年5月18日 17:14
    ('ymd-cjk', re.compile(
        r'(?<![0-9０-９])(?P<Y>{d}{{4}}){s}年{s}(?P<M>{d}{{1,2}}){s}月{s}(?P<D>{d}{{1,2}}){s}日'
        r'(?:[ \u3000]*{t})?'.format(d=D, s=S, t=TIME))),
    # pubdate=19870320 ; pubtime : 202210242212
    ('compact', re.compile(
        r'(?<=pubdate=)(?P<Y>\d{4})(?P<M>\d\d)(?P<D>\d\d)(?!\d)'
        r'|(?<=pubtime : )(?P<Y2>\d{4})(?P<M2>\d\d)(?P<D2>\d\d)(?P<h2>\d\d)(?P<m2>\d\d)(?!\d)')),
    # [Thursday, ]March 26, 1987[,] [14:27] [PT]
    ('mdy-name', re.compile(
        r'(?:(?P<dow>{w}),? )?(?P<mon>{mo})\.? (?P<D>\d{{1,2}}), (?P<Y>\d{{4}})(?![0-9])'
        r'(?:,? (?P<h>\d{{1,2}}):(?P<m>\d\d)(?::(?P<s>\d\d))?)?(?P<zone> PT| GMT)?'.format(w=DOW_RE, mo=MON_RE))),
    # [Thursday ]19 March 1987 [20:16]
    ('dmy-name', re.compile(
        r'(?:(?P<dow>{w}),? )?(?<![0-9])(?P<D>\d{{1,2}}) (?P<mon>{mo}) (?P<Y>\d{{4}})(?![0-9])'
        r'(?: (?P<h>\d{{1,2}}):(?P<m>\d\d))?'.format(w=DOW_RE, mo=MON_RE))),
    # 19-March-1987 12:55
    ('dmy-dash-name', re.compile(
        r'(?<![0-9])(?P<D>\d{{1,2}})-(?P<mon>{mo})-(?P<Y>\d{{4}})(?![0-9])'
        r'(?: (?P<h>\d{{1,2}}):(?P<m>\d\d))?'.format(mo=MON_RE))),
    # 03/20/1987 (US)
    ('mdy-slash', re.compile(r'(?<![0-9/])(?P<M>\d{2})/(?P<D>\d{2})/(?P<Y>\d{4})(?![0-9])')),
]
# yearless header lines, matched only in the first lines of the page
YEARLESS = [
    # 快看新闻 8月10日 21:40 / 快 看 新闻 8 月 10 日 21 : 40
    ('md-cjk-hm', re.compile(
        r'^(?P<pre>[^\d\s][^\d]{{0,24}}?[ \u3000]+)(?P<M>\d{{1,2}}){s}月{s}(?P<D>\d{{1,2}}){s}日[ \u3000]+{t}[ \u3000]*$'
        .format(s=S, t=TIME))),
    # Capital Markets Wire · March 23
    ('md-name', re.compile(r'^(?P<pre>[A-Z][^·\d]{2,40} · )(?P<mon>%s) (?P<D>\d{1,2})[ ]*$' % MON_RE)),
]
YEARLESS_TOP = 15

LABEL_RE = re.compile(
    r'(?:(?P<en>Last updated|Published|Posted|Updated) '
    r'|(?P<zh>发{s}布{s}时{s}间{s}[：:]{s}|發{s}佈{s}時{s}間{s}[：:]{s}))$'.format(s=S))
META_RE = re.compile(
    r'(?:pubdate=|pubtime : |published: |publishdate{s}:{s}|timestamp{s}:{s}'
    r'|published{s}_{s}time{s}={s})$'.format(s=S))
MAX_LINE = 160   # longer lines are prose: never rewritten


def _int(x):
    return int(x.translate(FW))


def mon_num(name):
    n = name[:3].title()
    return MON3.index(n) + 1


def parse_match(name, m):
    g = m.groupdict()
    if name == 'compact' and g.get('Y2'):
        g = dict(Y=g['Y2'], M=g['M2'], D=g['D2'], h=g['h2'], m=g['m2'])
    Y = _int(g['Y']) if g.get('Y') else None
    if g.get('mon'):
        M = mon_num(g['mon'])
    else:
        M = _int(g['M'])
    Dd = _int(g['D'])
    h = _int(g['h']) if g.get('h') else None
    mi = _int(g['m']) if g.get('m') else None
    s = _int(g['s']) if g.get('s') else None
    zone = (g.get('zone') or '').strip()
    zone = re.sub(r'\s+', '', zone)
    return Y, M, Dd, h, mi, s, zone


CJK = re.compile(r'[\u3400-\u9fff]')
URL_TAIL = re.compile(r'(?:https?://|www\.)\S*$')


def is_prose(line):
    if '。' in line or '，' in line:                       # Chinese prose
        return True
    words = line.split()
    return len(words) >= 8 and line.rstrip().endswith('.')   # English sentence


def is_body(line):
    """An article paragraph (headlines may carry a comma; paragraphs are long)."""
    return '。' in line or len(line) > 80 or (len(line.split()) >= 8 and line.rstrip().endswith('.'))


def own_context(line, st, en):
    """False for dates inside prose or URLs (article text, read-more links)."""
    if is_prose(line):
        return False
    if URL_TAIL.search(line[:st]) or line[st - 1:st] == '/':
        return False
    prev = line[st - 1:st]
    nxt = line[en:en + 1]
    if line[:st].rstrip()[-1:] in ('（', '('):           # parenthesised date in text
        return False
    if prev and CJK.match(prev):
        return False
    if nxt and (CJK.match(nxt) or nxt in '，。）)、'):
        return False
    return True


def find_own(text, dt):
    """Own-date expressions: list of dicts (start, end, has_time, sec, zone,
    kind, label, year) in text order, non-overlapping."""
    out = []
    lines = text.split('\n')
    pos = 0
    first_prose = next((i for i, l in enumerate(lines) if is_body(l)), len(lines))
    for li, line in enumerate(lines):
        cands = []
        if len(line) <= MAX_LINE:
            for name, rx in PATTERNS:
                for m in rx.finditer(line):
                    Y, M, Dd, h, mi, s, zone = parse_match(name, m)
                    cands.append((m.start(), m.end(), name, Y, M, Dd, h, mi, s, zone))
            if li < YEARLESS_TOP:
                for name, rx in YEARLESS:
                    m = rx.match(line)
                    if m:
                        Y, M, Dd, h, mi, s, zone = parse_match(name, m)
                        cands.append((m.start('pre') + len(m.group('pre')), m.end(), name,
                                      None, M, Dd, h, mi, s, zone))
        # longest first, no overlaps
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        taken = []
        for c in cands:
            st, en, name, Y, M, Dd, h, mi, s, zone = c
            if any(st < e and en > b for b, e in taken):
                continue
            if (Y is not None and Y != dt.year) or M != dt.month or Dd != dt.day:
                continue
            if h is not None and (h, mi) != (dt.hour, dt.minute):
                continue
            if not own_context(line, st, en):
                continue
            if (h is None and li > first_prose and line.strip() == line[st:en].strip()
                    and not LABEL_RE.search(line[:st]) and not META_RE.search(line[:st])):
                continue   # a bare date line after the article started: a signature date
            # trailing space before a zone we do not keep is part of the span already
            pre = line[:st]
            kind, label = 'plain', ''
            lm = LABEL_RE.search(pre)
            mm = META_RE.search(pre)
            if mm:
                kind = 'meta'
            elif lm:
                kind, label = 'label', lm.group(0)
                st -= len(label)
            taken.append((st, en))
            out.append(dict(start=pos + st, end=pos + en, has_time=h is not None,
                            sec=s, zone=zone, kind=kind, label=label, pat=name,
                            year=Y is not None, old=line[st:en]))
        pos += len(line) + 1
    return out


# ---------------------------------------------------------------- formats
def h12(h):
    return (h % 12) or 12


def ampm(h):
    return 'AM' if h < 12 else 'PM'


def en_fmt(key, dt, t, sec, cs, zone):
    """Return (label, core) for an English format; t: print the time."""
    d, y, mo = dt.day, dt.year, dt.month
    M, Mon = MONTHS[mo - 1], MON3[mo - 1]
    H, Mi = dt.hour, dt.minute
    if key == 'rfc':           # Thu, 9 Apr 1987 14:05
        z = (' ' + zone) if zone in ('GMT', 'PT') else ''
        return '', '%s, %d %s %d' % (DOW[dt.weekday()][:3], d, Mon, y) + (' %02d:%02d%s' % (H, Mi, z) if t else '')
    if key == 'ap_long':       # April 9, 1987 2:05 p.m.
        return '', '%s %d, %d' % (M, d, y) + (' %d:%02d %s' % (h12(H), Mi, 'a.m.' if H < 12 else 'p.m.') if t else '')
    if key == 'ap_abbr':       # Apr. 9, 1987 2:05 PM
        return '', '%s %d, %d' % (AP_MON[mo - 1], d, y) + (' %d:%02d %s' % (h12(H), Mi, ampm(H)) if t else '')
    if key == 'dmy_long':      # 9 April 1987 14:05
        return '', '%d %s %d' % (d, M, y) + (' %02d:%02d' % (H, Mi) if t else '')
    if key == 'iso':           # 1987-04-09T14:05:00
        z = zone if (zone == 'Z' or zone.startswith('+')) else ''
        return '', '%04d-%02d-%02d' % (y, mo, d) + ('T%02d:%02d:%02d%s' % (H, Mi, sec, z) if t else '')
    if key == 'compact':       # 19870409 1405
        return '', '%04d%02d%02d' % (y, mo, d) + (' %02d%02d' % (H, Mi) if t else '')
    if key == 'vms':           # 9-APR-1987 14:05:01.22
        return '', '%d-%s-%d' % (d, Mon.upper(), y) + (' %02d:%02d:%02d.%02d' % (H, Mi, sec, cs) if t else '')
    if key == 'us_slash':      # 04/09/1987 14:05
        return '', '%02d/%02d/%d' % (mo, d, y) + (' %02d:%02d' % (H, Mi) if t else '')
    if key == 'eu_dot':        # 09.04.1987 14:05
        return '', '%02d.%02d.%d' % (d, mo, y) + (' %02d:%02d' % (H, Mi) if t else '')
    if key == 'updated':       # Updated 2:05 PM, April 9, 1987
        return 'Updated ', (('%d:%02d %s, ' % (h12(H), Mi, ampm(H))) if t else '') + '%s %d, %d' % (M, d, y)
    if key == 'posted':        # Posted on April 9, 1987 at 2:05 pm
        return 'Posted on ', '%s %d, %d' % (M, d, y) + (' at %d:%02d %s' % (h12(H), Mi, ampm(H).lower()) if t else '')
    raise KeyError(key)


def zh_fmt(key, dt, t, sec, trad):
    y, mo, d, H, Mi = dt.year, dt.month, dt.day, dt.hour, dt.minute
    if key == 'cjk_pad':       # 2023年03月29日15:42
        return '', '%d年%02d月%02d日' % (y, mo, d) + ('%02d:%02d' % (H, Mi) if t else '')
    if key == 'cjk_shifen':    # 2023年3月29日 15时42分
        return '', '%d年%d月%d日' % (y, mo, d) + ((' %d時%02d分' if trad else ' %d时%02d分') % (H, Mi) if t else '')
    if key == 'slash':         # 2023/03/29 15:42
        return '', '%d/%02d/%02d' % (y, mo, d) + (' %02d:%02d' % (H, Mi) if t else '')
    if key == 'dot':           # 2023.03.29 15:42
        return '', '%d.%02d.%02d' % (y, mo, d) + (' %02d:%02d' % (H, Mi) if t else '')
    if key == 'fabu':          # 发布时间：2023-03-29 15:42:07
        return ('發佈時間：' if trad else '发布时间：'), '%d-%02d-%02d' % (y, mo, d) + (' %02d:%02d:%02d' % (H, Mi, sec) if t else '')
    if key == 'fabiao':        # 发表于 2023-3-29 15:42
        return ('發表於 ' if trad else '发表于 '), '%d-%d-%d' % (y, mo, d) + (' %d:%02d' % (H, Mi) if t else '')
    if key == 'xingqi':        # 2023年3月29日 星期三 15:42
        return '', '%d年%d月%d日 星期%s' % (y, mo, d, ZH_DOW[dt.weekday()]) + (' %02d:%02d' % (H, Mi) if t else '')
    if key == 'ampm':          # 2023年3月29日 下午3:42
        return '', '%d年%d月%d日' % (y, mo, d) + (' %s%d:%02d' % ('上午' if H < 12 else '下午', h12(H), Mi) if t else '')
    raise KeyError(key)


EN_FORMATS = ['rfc', 'ap_long', 'ap_abbr', 'dmy_long', 'iso', 'compact', 'vms',
              'us_slash', 'eu_dot', 'updated', 'posted']
ZH_FORMATS = ['cjk_pad', 'cjk_shifen', 'slash', 'dot', 'fabu', 'fabiao', 'xingqi', 'ampm']

SEG_TOK = re.compile(r'[A-Za-z0-9]+|发布时间|發佈時間|发表于|發表於|星期.|上午|下午|[\u3400-\u9fff]|\S')
SEG_SPLIT = {'发布时间': '发布 时间', '發佈時間': '發佈 時間', '发表于': '发表 于', '發表於': '發表 於'}


def segment(s):
    """Imitate the benchmark's jieba spacing: tokens joined by one space."""
    return ' '.join(SEG_SPLIT.get(t, t) for t in SEG_TOK.findall(s))


def render(e, key, lang, dt, sec, cs, trad, seg):
    t = e['has_time']
    if key == 'addyear':          # control: original style, year added where missing
        if e['year']:
            return e['old']
        if lang == 'zh':
            return ('%d 年 ' if seg else '%d年') % dt.year + e['old']
        return '%s, %d' % (e['old'], dt.year)
    if lang == 'en':
        lab, core = en_fmt(key, dt, t, sec, cs, e['zone'])
    else:
        lab, core = zh_fmt(key, dt, t, sec, trad)
    if e['kind'] == 'meta':
        new = core
    elif e['kind'] == 'label':
        new = (lab + core) if lab else (e['label'] + core)
    else:
        new = lab + core
    if seg and lang == 'zh':
        new = segment(new)
        if e['kind'] == 'label' and not lab:   # original label kept verbatim
            new = e['label'] + segment(core)
    return new


# ---------------------------------------------------------------- pages
def load_details():
    with open(os.path.join(BENCH, 'details.tsv'), encoding='utf-8') as f:
        return list(csv.DictReader(f, delimiter='\t'))


def read_page(r):
    with open(os.path.join(BENCH, 'pages', r['id'] + '.txt'), 'rb') as f:
        raw = f.read()
    return raw, raw.decode(CODEC[r['encoding']])


def page_info(r):
    raw, text = read_page(r)
    dt = dtm.datetime.strptime(r['datetime'], '%Y-%m-%d %H:%M')
    exprs = find_own(text, dt)
    # seconds: from the page's own expressions if printed, else deterministic
    h = hashlib.sha256(r['id'].encode()).digest()
    sec = next((e['sec'] for e in exprs if e['sec'] is not None), h[0] % 60)
    cs = h[1] % 100
    return raw, text, dt, exprs, sec, cs


def apply(r, text, dt, exprs, sec, cs, key):
    lang = r['lang']
    trad = r['script'] == 'traditional'
    seg = r['segmented'] == 'yes'
    parts, last, pairs = [], 0, []
    for e in exprs:
        new = render(e, key, lang, dt, sec, cs, trad, seg)
        parts.append(text[last:e['start']])
        parts.append(new)
        last = e['end']
        pairs.append((e['old'], new))
    parts.append(text[last:])
    return ''.join(parts), pairs


def unchanged(pairs):
    return any(o == n for o, n in pairs)


def choose_v1(rows, infos):
    """One format per outlet; every format of a language used at least once
    (12 outlets per language), never one that leaves an expression as is."""
    by = defaultdict(list)
    for r in rows:
        by[(r['lang'], r['outlet'])].append(r)
    choice = {}
    for lang, fmts in (('en', EN_FORMATS), ('zh', ZH_FORMATS)):
        outlets = sorted(o for (l, o) in by if l == lang)
        rng = random.Random('%d:v1:%s' % (SEED, lang))
        for _ in range(1000):
            order = fmts[:] + rng.sample(fmts, len(outlets) - len(fmts))
            rng.shuffle(order)
            ok = True
            for o, k in zip(outlets, order):
                for r in by[(lang, o)]:
                    raw, text, dt, exprs, sec, cs = infos[r['id']]
                    if unchanged(apply(r, text, dt, exprs, sec, cs, k)[1]):
                        ok = False
                        break
                if not ok:
                    break
            if ok:
                break
        else:
            raise SystemExit('no clash-free v1 assignment for ' + lang)
        for o, k in zip(outlets, order):
            choice[o] = k
    return choice


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    mode = sys.argv[3]
    rows = load_details()
    infos = {r['id']: page_info(r) for r in rows}
    if mode == 'survey':
        survey(rows, infos)
        return
    if mode not in ('v0', 'v1', 'v2'):
        raise SystemExit(__doc__)
    outdir = os.path.join(OUT, 'pages-' + mode)
    os.makedirs(outdir, exist_ok=True)
    v1 = choose_v1(rows, infos) if mode == 'v1' else None
    man = open(os.path.join(OUT, mode + '-manifest.tsv'), 'w', encoding='utf-8')
    man.write('id\toutlet\tlang\tformat\tn_exprs\tprinted_time\tchanges\n')
    use = Counter()
    for r in rows:
        raw, text, dt, exprs, sec, cs = infos[r['id']]
        fmts = EN_FORMATS if r['lang'] == 'en' else ZH_FORMATS
        if mode == 'v0':
            key = 'addyear' if any(not e['year'] for e in exprs) else 'orig'
            new, pairs = apply(r, text, dt, exprs, sec, cs, 'addyear')
            if key == 'orig':
                pairs = []
        elif mode == 'v1':
            key = v1[r['outlet']]
            new, pairs = apply(r, text, dt, exprs, sec, cs, key)
        else:
            rng = random.Random('%d:v2:%s' % (SEED, r['id']))
            cand = fmts[:]
            rng.shuffle(cand)
            for key in cand:
                new, pairs = apply(r, text, dt, exprs, sec, cs, key)
                if not unchanged(pairs):
                    break
        use[key] += 1
        data = new.encode(CODEC[r['encoding']])          # strict: the codec must have every char
        with open(os.path.join(outdir, r['id'] + '.txt'), 'wb') as f:
            f.write(data)
        man.write('%s\t%s\t%s\t%s\t%d\t%s\t%s\n' % (
            r['id'], r['outlet'], r['lang'], key, len(exprs),
            'yes' if any(e['has_time'] for e in exprs) else 'no',
            ' || '.join('%s -> %s' % p for p in pairs)))
    man.close()
    if v1:
        for o in sorted(v1):
            print('%-24s %s' % (o, v1[o]))
    print('format use:', dict(use))
    print('wrote', outdir)


def survey(rows, infos):
    by = defaultdict(list)
    for r in rows:
        by[r['outlet']].append(r)
    for o, rs in by.items():
        shapes = Counter()
        ex = {}
        zero = []
        timed = 0
        for r in rs:
            raw, text, dt, exprs, sec, cs = infos[r['id']]
            if not exprs:
                zero.append(r['id'])
            timed += any(e['has_time'] for e in exprs)
            for e in exprs:
                # context shape: the line around the expression
                ls = text.rfind('\n', 0, e['start']) + 1
                le = text.find('\n', e['end'])
                le = len(text) if le < 0 else le
                ctx = text[ls:e['start']][-20:] + '[' + e['pat'] + '/' + e['kind'] + ']' + text[e['end']:le][:14]
                ctx = re.sub(r'[0-9]+', '9', ctx)
                shapes[ctx] += 1
                ex.setdefault(ctx, e['old'])
        print('=== %s pages=%d no_expr=%d with_time=%d %s' % (o, len(rs), len(zero), timed, zero[:5]))
        for s, n in shapes.most_common(12):
            print('   %4d %s   e.g. %r' % (n, s, ex[s]))


if __name__ == '__main__':
    main()
