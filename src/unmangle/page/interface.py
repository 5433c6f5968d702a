"""Interface vocabulary: the words of buttons, menus and footers, in the corpus languages, grouped by what they do.

Kept deliberately small: it names *kinds* of page furniture (share, subscribe, cookies...), not one site's strings.
Whether a line is debris is decided from these hits together with the prose statistics and the line's position
(see :mod:`unmangle.page.debris`); a word from this list inside a sentence does not make the sentence debris.
"""

from __future__ import annotations

import regex

INTERFACE: dict[str, tuple[str, ...]] = {
    "navigation": (
        "skip to content", "skip to main content", "skip navigation", "jump to navigation", "skip to", "jump to",
        "main menu", "menu", "navigation", "home", "homepage", "search", "sections", "back to top", "next",
        "previous", "more", "sitemap", "site map", "contact us", "about us", "accessibility", "toggle",
        "startseite", "suche", "zum inhalt", "accueil", "rechercher", "recherche", "aller au contenu", "inicio",
        "buscar", "ir al contenido", "menú", "главная", "поиск", "меню", "hledat", "szukaj", "ara", "ana sayfa",
        "首页", "首頁", "搜索", "搜尋", "导航", "ホーム", "検索", "メニュー", "홈", "검색", "메뉴", "بحث",
        "الرئيسية", "انتقل إلى المحتوى", "חיפוש", "खोज", "trang chủ", "tìm kiếm", "上一篇", "下一篇", "返回顶部",
        "跳到主要内容", "跳至主要內容", "メインコンテンツへスキップ", "본문 바로가기",
    ),
    "share": (
        "share", "shares", "sharing", "sharing options",
        "share this", "share on facebook", "share on twitter", "tweet", "facebook", "twitter",
        "whatsapp", "pinterest", "linkedin", "reddit", "tumblr", "email", "e-mail", "print", "follow", "follow us",
        "like", "pin", "copy link", "permalink",
        "por correo", "per e-mail", "per mail", "send", "envoyer", "par e-mail", "by email", "enviar", "teilen",
        "drucken", "partager", "imprimer", "compartir",
        "imprimir", "поделиться", "печать", "sdílet", "tisk", "udostępnij", "drukuj", "paylaş", "yazdır",
        "分享", "打印", "列印", "シェア", "印刷", "공유", "인쇄", "مشاركة", "שתף",
    ),
    "newsletter": (
        "subscribe", "newsletter", "newsletters", "boletín", "bulletin", "рассылка", "sign up", "signup",
        "email address", "get updates", "alerts",
        "abonnieren", "s'abonner", "abonnez-vous", "suscríbete", "suscribirse", "подписаться", "订阅", "訂閱",
        "購読", "구독", "اشترك",
    ),
    "cookie": (
        "cookie", "cookies", "cookie policy", "cookie settings", "accept", "accept all", "allow", "don't allow",
        "consent", "privacy settings", "got it", "同意する", "同意", "datenschutz", "akzeptieren", "accepter",
        "aceptar",
        "çerez", "çerezler", "kabul et", "ayarlar", "souhlasím", "akceptuję", "принять",
    ),
    "related": (
        "related", "related articles", "related stories", "related posts", "read more", "read next", "see also",
        "recommended", "most popular", "most read", "trending", "you may also like", "more stories", "more from",
        "latest", "latest news", "top stories", "weiterlesen", "mehr zum thema", "lire la suite", "lire aussi",
        "à lire aussi", "leer más", "te puede interesar", "читать далее", "читайте также", "相关", "相關",
        "阅读更多", "閱讀更多", "関連記事", "続きを読む", "관련", "اقرأ أيضا",
        "most viewed", "popular", "あわせて読みたい", "こちらもおすすめ", "zobacz także", "czytaj także", "viz také",
        "lásd még",
        "vezi și", "ayrıca bakınız",
        "noticias relacionadas", "notícias relacionadas", "articles connexes",
        "verwandte artikel", "похожие материалы", "související články", "powiązane artykuły", "ilgili haberler",
        "lesen sie auch", "meistgelesen", "sur le même sujet", "les plus lus",
        "lee también", "lo más leído", "самое читаемое", "延伸阅读", "延伸閱讀", "相关阅读", "相關閱讀", "推荐阅读",
        "热门文章", "熱門文章", "人気記事", "많이 본 뉴스", "الأكثر قراءة",
    ),
    "advertisement": (
        "advertisement", "advertising", "ad", "ads", "sponsored", "promoted", "skip ad", "story continues below",
        "article continues below", "continue reading below", "anzeige", "werbung",
        "publicité", "publicidad", "реклама", "reklama", "reklam", "广告", "廣告", "広告", "광고", "إعلان",
    ),
    "copyright": (
        "copyright", "all rights reserved", "terms of service", "terms of use", "privacy policy", "privacy",
        "terms", "impressum", "alle rechte vorbehalten", "mentions légales", "tous droits réservés",
        "todos los derechos reservados", "aviso legal", "privacidad", "contacto", "kontakt", "confidentialité",
        "все права защищены", "版权所有", "版權所有", "無断転載",
    ),
    "comments": (
        "comment", "comments", "reply", "leave a reply", "leave a comment", "post a comment", "add comment",
        "kommentare", "commentaires", "comentarios", "комментарии", "komentáře", "komentarze", "yorumlar",
        "评论", "評論", "留言", "コメント", "댓글", "تعليقات",
    ),
    "login": (
        "log in", "login", "log out", "sign in", "sign out", "register", "account", "my account", "password",
        "username", "anmelden", "connexion", "se connecter", "iniciar sesión", "войти", "přihlásit", "zaloguj",
        "giriş", "登录", "登入", "ログイン", "로그인",
    ),
    "media": (
        "photo", "photos", "video", "videos", "gallery", "full screen", "fullscreen", "autoplay", "play", "close",
        "view photos", "watch", "listen", "image", "images", "loading", "foto", "фото", "видео", "图片", "视频",
    ),
}

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")


def _pattern(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    spaced = sorted((p for p in phrases if not _CJK.search(p)), key=len, reverse=True)
    unspaced = sorted((p for p in phrases if _CJK.search(p)), key=len, reverse=True)
    parts = [r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(p) for p in spaced) + r")(?![\p{L}\p{N}])"]
    if unspaced:
        parts.append("|".join(regex.escape(p) for p in unspaced))
    return regex.compile("|".join(parts))


_PATTERNS = {kind: _pattern(phrases) for kind, phrases in INTERFACE.items()}
_LETTERS = regex.compile(r"[\p{L}\p{N}]")


def interface_share(text: str) -> tuple[str | None, float]:
    """The kind of interface vocabulary that covers most of ``text``, and the share of its letters it covers.

    >>> interface_share("Share on Facebook")
    ('share', 1.0)
    """
    low = text.casefold()
    letters = len(_LETTERS.findall(low))
    if not letters:
        return None, 0.0
    covered = [False] * len(low)
    best_kind, best = None, 0
    for kind, pattern in _PATTERNS.items():
        mine: set[int] = set()  # each kind counted on its own: "more from" is related, though "more" is a menu's
        for m in pattern.finditer(low):
            mine.update(i for i in range(m.start(), m.end()) if _LETTERS.match(low[i]))
        for i in mine:
            covered[i] = True
        if len(mine) > best:
            best_kind, best = kind, len(mine)
    total = sum(covered)
    return best_kind, total / letters


def interface_hits(text: str) -> dict[str, int]:
    """How many phrases of each kind of interface vocabulary ``text`` contains (for long blocks: a cookie banner
    or a sign-up prompt is prose, but prose full of interface words)."""
    low = text.casefold()
    return {kind: n for kind, pattern in _PATTERNS.items() if (n := len(pattern.findall(low)))}
