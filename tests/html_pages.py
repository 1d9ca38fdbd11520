"""Saved news pages of different layouts, written for the tests (no page is scraped).

Each page wraps one article, written for these tests, in the clutter real
pages carry: menus, cookie banners, "related articles", comments, share
buttons, newsletters, footers. Its gold says what extraction must keep: the
headline, the date in its precision, the canonical URL and the article's
paragraphs; `clutter` lists sentences of the page that are not the article.

The first three pages (DEV) were looked at while choosing trafilatura's
settings; the others (HELD_OUT) were written before any extraction was run
on them and not tuned on. tests/test_sources_html.py checks both;
benchmarks/html_extraction.py prints the measurement.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    name: str
    html: bytes
    title: str | None
    date: str | None  # as the index keeps it: "2023", "2023-10" or "2023-10-17"
    url: str | None
    paragraphs: list[str]
    clutter: list[str] = field(default_factory=list)


COOKIE = "Ky sajt përdor cookies për të përmirësuar përvojën tuaj. Pranoj të gjitha cookies."
NEWSLETTER = "Abonohu në buletinin tonë javor dhe merr lajmet më të rëndësishme çdo të hënë."
MENU = ["Ballina", "Politikë", "Ekonomi", "Sport", "Kulturë", "Bota", "Kontakt"]


def _menu() -> str:
    return "<nav class='menu'><ul>" + "".join(f"<li><a href='/{m.lower()}'>{m}</a></li>" for m in MENU) + "</ul></nav>"


def _ps(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


# -- The articles ----------------------------------------------------------------

BRIDGE = [
    "Ura e re mbi lumin Buna u hap të martën për qarkullimin e automjeteve, pas dy vitesh punimesh që kishin ndarë lagjet e Shkodrës nga fshatrat përtej lumit.",
    "Kryetari i bashkisë tha në ceremoni se ura do të shkurtojë rrugën për në Velipojë me gati njëzet minuta dhe se do t'u shërbejë sidomos fermerëve që çojnë prodhimet në treg.",
    "Banorët e Bahçallëkut prisnin prej kohësh këtë vepër. Gjatë dimrit të kaluar, kur trageti nuk punonte për shkak të erës, shumë prej tyre kishin humbur ditë pune.",
    "Ndërtimi kushtoi rreth tetë milionë euro dhe u financua nga buxheti i shtetit dhe një kredi e butë. Firma ndërtuese ka garanci dhjetëvjeçare për strukturën.",
]
WATER = [
    "Komuna e Prizrenit ka nisur punimet për rrjetin e ri të ujësjellësit në lagjen Ortakoll, ku familjet ankoheshin se uji vinte vetëm disa orë në ditë.",
    "Drejtori i shërbimeve publike shpjegoi se tubacionet e vjetra, të vendosura para më shumë se katër dekadash, humbnin gati gjysmën e ujit para se të arrinte në shtëpi.",
    "Punimet pritet të zgjasin katër muaj. Gjatë kësaj kohe disa rrugë do të mbyllen pjesërisht dhe komuna ka premtuar autobuseve rrugë alternative.",
    "Projekti është pjesë e një plani më të gjerë që synon ta ulë humbjen e ujit në të gjithë qytetin nën njëzet për qind deri në fund të dekadës.",
]
BASKETBALL = [
    "Trepça fitoi derbin e basketbollit kundër Prishtinës me rezultat 81 me 79, pas një gjuajtjeje për tre pikë në sekondat e fundit të ndeshjes.",
    "Ekipi mysafir kishte udhëhequr gjatë gjithë pjesës së tretë, por mbrojtja e ashpër e vendasve në minutat e fundit e ktheu ndeshjen.",
    "Trajneri i Trepçës tha pas takimit se lojtarët treguan karakter dhe se fitorja u kushtohet tifozëve që mbushën sallën në Mitrovicë.",
    "Me këtë fitore, Trepça ngjitet në vendin e dytë të tabelës, vetëm dy pikë pas kryesuesve, ndërsa Prishtina zbret në vendin e katërt.",
]
BOOKS = [
    "Panairi i librit në Prishtinë u mbyll të dielën me më shumë vizitorë se kurrë më parë, sipas organizatorëve që numëruan mbi gjashtëdhjetë mijë hyrje gjatë pesë ditëve.",
    "Shtëpitë botuese thanë se librat për fëmijë dhe romanet e përkthyera ishin më të kërkuarit, ndërsa poezia pati më pak blerës se një vit më parë.",
    "Në pavijonin kryesor u mbajtën tridhjetë promovime dhe dy tryeza mbi leximin në shkolla, ku mësuesit kërkuan më shumë tituj në bibliotekat publike.",
    "Organizatorët njoftuan se edicioni i ardhshëm do të zhvillohet në një sallë më të madhe, me hapësirë të veçantë për autorët e rinj.",
]
RAIN = [
    "Shërbimi hidrometeorologjik ka lëshuar paralajmërim për reshje të dendura shiu në veriun e vendit për dy ditët e ardhshme.",
    "Sipas parashikimit, sasia e reshjeve mund të arrijë njëqind milimetra në zonat malore, çka rrit rrezikun e vërshimeve në luginat e ngushta.",
    "Autoritetet lokale u kanë bërë thirrje banorëve pranë përrenjve që të jenë vigjilentë dhe të mos kalojnë me makinë nëpër rrugët e përmbytura.",
    "Temperaturat do të bien ndjeshëm nga e enjtja, ndërsa në majat e maleve nuk përjashtohet bora e parë e sezonit.",
]
SCHOOL = [
    "Shkolla fillore në Fushë Krujë u rinovua tërësisht për herë të parë pas tridhjetë vitesh, dhe nxënësit u kthyen këtë javë në klasa të reja.",
    "Punimet përfshinë çatinë, ngrohjen dhe laboratorin e shkencave, i cili deri tani kishte shërbyer si depo për tavolinat e vjetra.",
    "Drejtoresha e shkollës tha se prindërit kishin mbledhur vetë fonde për bibliotekën, ndërsa pjesën tjetër e mbuloi ministria.",
    "Mësuesit shpresojnë se ambientet e reja do të ndihmojnë që më pak nxënës ta braktisin shkollën pas klasës së nëntë.",
]


# -- The layouts ---------------------------------------------------------------------


def semantic_article() -> Page:
    """HTML5 <article>, JSON-LD, a cookie banner, related articles and a footer."""
    title = "Ura e re mbi Bunë hapet për qarkullim"
    related = ["Shkodra pret turistët e parë të sezonit", "Çmimet e kafesë rriten në qytetet veriore"]
    html = f"""<!doctype html><html lang="sq"><head><meta charset="utf-8">
<title>{title} – Lajme Shembull</title>
<link rel="canonical" href="https://lajme.example/shkoder/ura-e-re-mbi-bune">
<meta property="og:title" content="{title}">
<meta property="og:url" content="https://lajme.example/shkoder/ura-e-re-mbi-bune?utm_source=fb">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"2023-10-17T08:30:00+02:00","dateModified":"2023-10-18T10:00:00+02:00"}}</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>{COOKIE}</p><button>Pranoj</button></div>
<header><a class="logo" href="/">Lajme Shembull</a>{_menu()}</header>
<main><article>
<h1>{title}</h1>
<div class="byline">Nga redaksia · <time datetime="2023-10-17T08:30:00+02:00">17 tetor 2023</time></div>
{_ps(BRIDGE)}
<div class="share"><a href="#">Shpërndaje në Facebook</a> <a href="#">Shpërndaje në X</a></div>
</article>
<aside class="related"><h3>Lajme të ngjashme</h3><ul>{"".join(f"<li><a href='/a{i}'>{r}</a></li>" for i, r in enumerate(related))}</ul></aside>
</main>
<footer><p>© 2023 Lajme Shembull. Të gjitha të drejtat e rezervuara.</p><p>{NEWSLETTER}</p></footer>
</body></html>"""
    return Page(
        "semantic_article.html",
        html.encode("utf-8"),
        title,
        "2023-10-17",
        "https://lajme.example/shkoder/ura-e-re-mbi-bune",
        BRIDGE,
        [COOKIE, NEWSLETTER, *related, "Shpërndaje në Facebook", "Të gjitha të drejtat e rezervuara"],
    )


def div_soup_with_comments() -> Page:
    """No <article>: nested divs, the site's name in <title>, a dotted date in <meta>, readers' comments."""
    title = "Komuna e Prizrenit nis punimet për ujësjellësin e Ortakollit"
    comments = [
        "Më në fund! Ne kemi pritur dhjetë vjet për këtë ujë.",
        "Po rrugët kur do të rregullohen? Askush nuk flet për to.",
    ]
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title} | Gazeta Jugu</title>
<meta name="date" content="09.03.2022">
<meta property="og:url" content="https://gazetajugu.example/lajme/2022/ujesjellesi-ortakoll">
</head><body><div id="wrap"><div class="top">{_menu()}<div class="search"><input placeholder="Kërko"></div></div>
<div class="cols"><div class="left"><div class="box"><div class="box-title">Më të lexuarat</div>
<div class="item"><a href="/x">Gjykata shtyn seancën për tenderin e rrugës</a></div>
<div class="item"><a href="/y">Festivali i filmit shpall fituesit</a></div></div></div>
<div class="content"><div class="post-head"><h2 class="post-title">{title}</h2><span class="meta">9 mars 2022</span></div>
<div class="post-body">{"".join(f"<div class='txt'>{p}</div>" for p in WATER)}</div>
<div class="comments"><h4>Komentet (2)</h4>{"".join(f"<div class='comment'><b>Lexues</b><p>{c}</p></div>" for c in comments)}
<form><textarea>Shkruaj komentin tënd</textarea></form></div></div></div>
<div class="foot">Gazeta Jugu © Kontakti: redaksia@gazetajugu.example</div></div></body></html>"""
    return Page(
        "div_soup_with_comments.html",
        html.encode("utf-8"),
        title,
        "2022-03-09",
        "https://gazetajugu.example/lajme/2022/ujesjellesi-ortakoll",
        WATER,
        [
            *comments,
            "Gjykata shtyn seancën për tenderin e rrugës",
            "Festivali i filmit shpall fituesit",
            "Shkruaj komentin tënd",
        ],
    )


def wordpress_blog() -> Page:
    """A WordPress theme: entry-content, article:published_time, widgets and threaded comments."""
    title = "Trepça fiton derbin e basketbollit pas një fundi dramatik"
    widgets = ["Postimet e fundit", "Kalendari i ndeshjeve të javës", "Na ndiqni në rrjetet sociale"]
    comments = ["Çfarë ndeshje, sa e bukur ishte gjuajtja e fundit!", "Gjyqtarët ishin të padrejtë në pjesën e dytë."]
    html = f"""<!DOCTYPE html><html lang="sq-AL"><head><meta charset="UTF-8">
<title>{title} &#8211; Blogu Sportiv</title>
<link rel="canonical" href="https://sportblog.example/2023/11/trepca-fiton-derbin/">
<meta property="article:published_time" content="2023-11-05T21:40:00+01:00">
<meta property="og:title" content="{title}">
</head><body class="post-template-default single">
<div class="site"><header class="site-header"><p class="site-title">Blogu Sportiv</p>{_menu()}</header>
<div class="site-content"><div id="primary" class="content-area"><main>
<article class="post type-post"><header class="entry-header"><h1 class="entry-title">{title}</h1>
<span class="posted-on">Postuar më 5 nëntor 2023</span></header>
<div class="entry-content">{_ps(BASKETBALL)}</div>
<footer class="entry-footer">Etiketa: <a>basketboll</a>, <a>Trepça</a></footer></article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 mendime për “{title}”</h2><ol class="comment-list">
{"".join(f"<li class='comment'><article class='comment-body'><div class='comment-content'><p>{c}</p></div></article></li>" for c in comments)}
</ol></div></main></div>
<aside id="secondary" class="widget-area">{"".join(f"<section class='widget'><h2 class='widget-title'>{w}</h2></section>" for w in widgets)}</aside></div>
<footer class="site-footer">Mundësuar nga WordPress</footer></div></body></html>"""
    return Page(
        "wordpress_blog.html",
        html.encode("utf-8"),
        title,
        "2023-11-05",
        "https://sportblog.example/2023/11/trepca-fiton-derbin/",
        BASKETBALL,
        [*comments, *widgets],
    )


def month_dated_graph() -> Page:
    """JSON-LD @graph dated to the month only, a breadcrumb, a newsletter box, a fat footer."""
    title = "Panairi i librit në Prishtinë mbyllet me rekord vizitorësh"
    footer_links = ["Rreth nesh", "Politika e privatësisë", "Kushtet e përdorimit", "Reklamo me ne"]
    html = f"""<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="https://kultura.example/panairi-i-librit-rekord">
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"WebSite","name":"Kultura Sot","datePublished":"2015-01-01"}},{{"@type":"NewsArticle","headline":"{title}","datePublished":"2023-06"}}]}}</script>
</head><body><div class="topbar">{_menu()}</div>
<ol class="breadcrumb"><li>Ballina</li><li>Kulturë</li><li>Libra</li></ol>
<div class="container"><div class="row"><div class="col-md-8">
<h1 class="article-title">{title}</h1>
<div class="article-text">{_ps(BOOKS)}</div>
<div class="newsletter-box"><p>{NEWSLETTER}</p><input type="email"><button>Abonohu</button></div>
</div><div class="col-md-4"><div class="ad">Reklamë</div></div></div></div>
<footer><ul>{"".join(f"<li><a>{f}</a></li>" for f in footer_links)}</ul></footer></body></html>"""
    return Page(
        "month_dated_graph.html",
        html.encode("utf-8"),
        title,
        "2023-06",
        "https://kultura.example/panairi-i-librit-rekord",
        BOOKS,
        [NEWSLETTER, *footer_links],
    )


def windows_1250_tables() -> Page:
    """An older site: a table layout, encoded in windows-1250, dated in RFC 822."""
    title = "Paralajmërim për reshje të dendura shiu në veri"
    sidebar = ["Kursi i këmbimit të valutave", "Horoskopi i ditës"]
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250">
<title>{title}</title>
<meta property="article:published_time" content="Tue, 17 Oct 2023 08:30:00 +0200">
<meta property="og:url" content="https://moti.example/lajme/reshje-ne-veri">
</head><body><table width="100%"><tr><td colspan="2" class="header">MOTI SOT | {" | ".join(MENU)}</td></tr>
<tr><td width="200" valign="top" class="sidebar">{"".join(f"<p><a>{s}</a></p>" for s in sidebar)}</td>
<td valign="top"><h1>{title}</h1>{_ps(RAIN)}</td></tr>
<tr><td colspan="2" class="footer">Të gjitha të drejtat e rezervuara © Moti Sot</td></tr></table></body></html>"""
    return Page(
        "windows_1250_tables.html",
        html.encode("cp1250"),
        title,
        "2023-10-17",
        "https://moti.example/lajme/reshje-ne-veri",
        RAIN,
        [*sidebar, "Të gjitha të drejtat e rezervuara"],
    )


def undated_live_page() -> Page:
    """No date anywhere in its metadata, og:url only, a cookie dialog and a "read also" box inside the text."""
    title = "Shkolla fillore në Fushë Krujë rinovohet pas tridhjetë vitesh"
    read_also = "Lexo edhe: Ministria shpall konkursin për mësuesit e rinj"
    html = f"""<!doctype html><html lang="sq"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:url" content="https://arsimi.example/shkolla-fushe-kruje">
<meta property="og:title" content="{title}"></head><body>
<div role="dialog" class="consent"><p>{COOKIE}</p></div>
<div class="page"><div class="header">{_menu()}</div>
<div class="story"><h1>{title}</h1>
<p>{SCHOOL[0]}</p><p>{SCHOOL[1]}</p>
<div class="read-also"><a href="/konkursi">{read_also}</a></div>
<p>{SCHOOL[2]}</p><p>{SCHOOL[3]}</p></div>
<div class="tags">Etiketa: arsim, Krujë</div></div>
<div class="footer"><p>{NEWSLETTER}</p></div></body></html>"""
    return Page(
        "undated_live_page.html",
        html.encode("utf-8"),
        title,
        None,
        "https://arsimi.example/shkolla-fushe-kruje",
        SCHOOL,
        [COOKIE, NEWSLETTER, read_also],
    )


def index_page() -> bytes:
    """A section's index: links and a menu, no article."""
    items = "".join(
        f"<li><a href='/lajm/{i}'>Titull lajmi numër {i}</a> <span>17 tetor 2023</span></li>" for i in range(12)
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>Politikë – Lajme Shembull</title></head>
<body><header>{_menu()}</header><main><h1>Politikë</h1><ul class="list">{items}</ul>
<div class="pager"><a>1</a> <a>2</a> <a>3</a> <a>Më tej</a></div></main></body></html>""".encode()


DEV = [semantic_article, div_soup_with_comments, wordpress_blog]
HELD_OUT = [month_dated_graph, windows_1250_tables, undated_live_page]


def pages(which=None) -> list[Page]:
    return [make() for make in (which if which is not None else DEV + HELD_OUT)]
