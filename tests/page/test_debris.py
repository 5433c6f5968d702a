"""Debris lines: furniture is dropped around and inside the article; the article's paragraphs are all kept."""

import pytest

from unmangle.page.debris import (
    block_features,
    classify_blocks,
    cohesion,
    densest_region,
    furniture,
    gallery_slides,
    numbered_items,
)
from unmangle.page.interface import interface_share

ARTICLE = [
    "The city council voted on Tuesday to approve a new bridge across the harbour, ending a debate that has "
    "divided residents for more than a decade.",
    "Supporters say the bridge will cut travel times for thousands of commuters, while opponents worry about "
    "the cost and the effect on the old fishing quarter.",
    "Construction",
    "Work is expected to begin next spring and to last about three years, according to the city's planning office.",
    "The mayor said she was proud of the result and thanked the residents who had taken part in the consultation.",
]
MENU = ["Home", "News", "Sport", "Culture", "Weather", "Travel"]


def verdicts(texts, lang="en"):
    return [v.kind for v in classify_blocks(texts, lang).verdicts]


def test_article_paragraphs_and_subheading_are_kept_between_menus_and_footer():
    page = ["Skip to content", *MENU, "Subscribe to our newsletter", *ARTICLE, "Share on Facebook",
            "Related articles", "© 2024 The Harbour Gazette. All rights reserved.", "Privacy Policy", "Terms of Use"]
    kinds = verdicts(page)
    start = 8
    assert kinds[start:start + len(ARTICLE)] == ["article"] * len(ARTICLE)
    assert "article" not in kinds[:start] + kinds[start + len(ARTICLE):]


def test_furniture_kinds_are_named_by_what_they_do():
    kinds = verdicts([*ARTICLE, "Share on Facebook", "Advertisement", "© 2024 Example Ltd", "Accept all cookies"])
    assert kinds[len(ARTICLE):] == ["share", "advertisement", "copyright", "cookie"]


@pytest.mark.parametrize("line, kind", [
    ("Teilen", "share"), ("Partager", "share"), ("Поделиться", "share"), ("分享", "share"),
    ("Weiterlesen", "related"), ("Lire la suite", "related"), ("Anzeige", "advertisement"), ("广告", "advertisement"),
])
def test_interface_vocabulary_covers_several_languages(line, kind):
    assert interface_share(line) == (kind, 1.0)


def test_a_sentence_that_mentions_interface_words_is_not_furniture():
    f = block_features("Readers can share the story on Facebook or print it, the editor said in a statement.", "en")
    assert furniture(f) is None


def test_advertisement_inside_the_article_is_dropped_and_the_article_is_not_split():
    page = [*ARTICLE[:2], "Advertisement", *ARTICLE[2:]]
    assert verdicts(page) == ["article", "article", "advertisement", "article", "article", "article"]


def test_comments_after_the_article_are_not_the_article():
    comments = ["I think this is a terrible idea and the council should be ashamed of wasting our money on it.",
                "Great news for the city, finally something is happening after all those years of talk."] * 2
    page = [*ARTICLE, "Comments (4)", "Leave a reply", *comments]
    kinds = verdicts(page)
    assert kinds[:len(ARTICLE)] == ["article"] * len(ARTICLE)
    assert "article" not in kinds[len(ARTICLE):]


def test_a_clean_article_in_another_language_is_kept_whole():
    german = ["Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Hafen beschlossen, nachdem die "
              "Bewohner mehr als zehn Jahre lang darüber gestritten hatten.",
              "Die Befürworter sagen, dass die Brücke die Fahrzeit für Tausende von Pendlern verkürzen wird.",
              "Die Arbeiten sollen im nächsten Frühjahr beginnen und etwa drei Jahre dauern."]
    assert verdicts(german, "de") == ["article"] * 3


def test_densest_region_is_the_run_with_the_largest_weight():
    assert densest_region([-5, 3, -1, 4, -10, 2]) == (6, (1, 4))
    assert densest_region([-1, -2]) == (0.0, (0, 0))


@pytest.mark.parametrize("line", ["Updated 12 March 2019", "Last modified: September 13, 2024",
                                  "Publié le 4 avril 2023 à 10:32", "Güncelleme: 12 Mart 2019", "2024年3月5日 10:32"])
def test_a_date_alone_on_its_line_is_page_metadata(line):
    assert furniture(block_features(line, "en")).kind == "date"


@pytest.mark.parametrize("line", ["In 2019, 12 people died.", "— Jane Doe (@jdoe) August 22, 2013"])
def test_a_dated_sentence_or_a_signed_post_is_not_a_timestamp(line):
    assert furniture(block_features(line, "en")) is None


def test_a_link_to_another_article_between_paragraphs_is_dropped_without_cutting_the_article():
    page = [*MENU, *ARTICLE[:2], "See also: Harbour ferry fares to rise in spring", *ARTICLE[2:], "Share"]
    kinds = verdicts(page)
    assert kinds[len(MENU) + 2] == "link"
    assert kinds.count("article") == len(ARTICLE)


def test_a_short_closing_sentence_of_the_article_is_kept():
    closing = "“We will be ready,” she said."
    page = [*MENU, *ARTICLE, "Advertisement", closing, "Share on Facebook", "Related articles", "Other story"]
    kinds = verdicts(page)
    assert kinds[len(MENU) + len(ARTICLE) + 1] == "article"


def test_a_phrase_is_of_the_kind_whose_words_cover_most_of_it():
    """``More from World`` heads teasers ("more from" is related), though "more" alone is a menu's word."""
    assert interface_share("More from World")[0] == "related"


@pytest.mark.parametrize("line", ["Aviso legal | Privacidad | Contacto", "Inicio  Opinión  Ciencia  Cultura  Deportes"])
def test_menu_links_run_together_on_one_line_are_navigation(line):
    assert furniture(block_features(line, "es")).kind in ("navigation", "copyright")


def test_a_title_with_its_section_and_site_is_not_a_menu():
    title = "Harbour bridge approved after years of debate | Local | The Gazette"
    assert furniture(block_features(title, "en")) is None


def test_a_bulleted_list_of_changes_is_the_article_not_a_menu():
    items = ["+ Added Granite, Andesite and Diorite stone blocks", "+ Villagers will harvest crops and plant them",
             "+ Doors and fences now come in all wood types", "+ Added a spectator game mode",
             "+ Worlds can now have a world barrier", "+ Added one new achievement for explorers"]
    kinds = verdicts([*MENU, "Minecraft 1.8 - The Bountiful Update", *items, "Share", "© 2014 Mojang"])
    assert kinds[len(MENU) + 1:len(MENU) + 1 + len(items)] == ["article"] * len(items)


def test_labels_and_teaser_titles_at_the_edges_of_the_region_are_shaved():
    page = [*MENU, "Economy", "Supported by", *ARTICLE, "More to explore", "How we rebuilt the harbour ferry"]
    kinds = verdicts(page)
    assert kinds[len(MENU):len(MENU) + 2] != ["article", "article"]
    assert kinds[-2:] != ["article", "article"]
    assert kinds[len(MENU) + 2:len(MENU) + 2 + len(ARTICLE)] == ["article"] * len(ARTICLE)


def test_cohesion_is_the_share_of_prose_with_another_paragraph_close_by():
    assert cohesion([300, 200, 0, 250, 0, 0, 0], 0, 7) == 1.0
    assert cohesion([300, 0, 0, 0, 250, 0, 0, 0, 400], 0, 9) == 0.0
    assert cohesion([0, 0], 0, 2) == 0.0


TEASERS = [
    "A regional court on Monday ordered the closure of two factories along the river after months of complaints "
    "from residents about the smell and the colour of the water near the old mill.",
    "Thousands of people gathered in the main square on Saturday evening to watch the first concert held there "
    "since the renovation of the square, which took almost two years and cost more than planned.",
    "The national rail company said that it would add more trains on the northern line from next month, after "
    "passengers had complained for a long time about crowded carriages during the morning rush.",
    "A small museum in the hills has found a lost painting in its own storage rooms, where it had been kept "
    "for decades under the wrong name and without anyone noticing what it really was.",
]


def test_an_article_below_a_comment_count_wins_over_a_teaser_list_above_it():
    # Each teaser paragraph stands alone between a section, a source and a headline; the article's paragraphs
    # follow each other. The teaser list weighs more, but it is not an article.
    page = list(MENU)
    for i, teaser in enumerate(TEASERS * 2):
        page += ["World", "Associated Press", f"Teaser headline number {i} of the day", teaser]
    start = len(page) + 3
    article = [*ARTICLE, "Opponents of the project have said that they will appeal the decision to the regional "
               "court, which could delay the start of the work by several months, and that they have already "
               "collected more than four thousand signatures from residents of the old fishing quarter, where "
               "the bridge would land, against what they call a project that nobody there asked for at all."]
    page += ["Bridge across the harbour approved", "Associated Press", "11 Comments", *article, "Privacy", "Terms"]
    kinds = verdicts(page)
    assert kinds[start:start + len(article)] == ["article"] * len(article)
    assert "article" not in kinds[:start - 3]


SECOND = [
    "The regional rail company has ordered twelve new trains for the northern line, which should enter service "
    "within three years and replace carriages that are more than forty years old.",
    "Passengers have complained for a long time about crowded trains during the morning rush, and the company "
    "said that the new trains would carry almost twice as many people as the old ones.",
    "The order is the largest the company has placed since it was founded, and it will be paid for in part by a "
    "loan from the regional government, which approved it last week.",
]


def test_a_second_article_after_a_comments_link_is_kept_when_it_opens_with_its_own_byline():
    page = [*MENU, "Bridge across the harbour approved", "By Jane Doe", *ARTICLE, "Comments (5 posted)",
            "Twelve new trains for the north", "By John Smith", "March 25, 2015", *SECOND,
            "Comments (3 posted)", "© 2024 The Harbour Gazette"]
    kinds = verdicts(page)
    first = len(MENU) + 2
    second = first + len(ARTICLE) + 4
    assert kinds[first:first + len(ARTICLE)] == ["article"] * len(ARTICLE)
    assert kinds[second:second + len(SECOND)] == ["article"] * len(SECOND)


def test_a_comment_thread_after_the_article_is_not_a_second_article():
    thread = ["Comments (2 posted)", "jane_d", "March 25, 2015 at 3:50 PM", SECOND[0], "Reply", "harbourfan",
              "March 25, 2015 at 6:16 PM", SECOND[1], "Reply"]
    kinds = verdicts([*MENU, "By Jane Doe", *ARTICLE, *thread])
    assert "article" not in kinds[len(MENU) + 1 + len(ARTICLE):]
    # Without a byline, a section further down the page stays out, however it reads.
    below = ["Share", "Print", "Most read", "Newsletter", "Weather", "Sport", "Comments (5 posted)",
             "Twelve new trains for the north"]
    kinds = verdicts([*MENU, *ARTICLE, *below, *SECOND])
    assert "article" not in kinds[len(MENU) + len(ARTICLE):]


def test_a_live_ticker_after_the_article_is_cut_where_its_paragraphs_stand_alone():
    ticker = []
    for i, teaser in enumerate(TEASERS):
        ticker += [f"14:{10 + i}", f"Headline of the hour number {i}", teaser]
    kinds = verdicts([*MENU, *ARTICLE, "Live", *ticker, "© 2024 The Harbour Gazette"])
    assert kinds[len(MENU):len(MENU) + len(ARTICLE)] == ["article"] * len(ARTICLE)
    assert "article" not in kinds[len(MENU) + len(ARTICLE):]


def test_a_few_stray_paragraphs_closing_a_long_article_are_kept():
    notes = []
    for i, teaser in enumerate(TEASERS[:3]):
        notes += [f"^ Note {i}", "Retrieved 2 May 2014", teaser]
    article = [*ARTICLE, *SECOND] * 8  # long: the stray paragraphs weigh little beside it
    kinds = verdicts([*MENU, *article, *notes, "© 2024 The Harbour Gazette"])
    assert kinds[len(MENU) + len(article):].count("article") >= 3


def test_a_numbered_list_inside_the_article_is_not_a_menu():
    ranking = ["1. Finland", "2. Norway", "3. Australia", "4. Canada", "5. Germany"]
    kinds = verdicts([*MENU, *ARTICLE[:2], *ranking, *ARTICLE[3:], "© 2024 The Harbour Gazette"])
    start = len(MENU) + 2
    assert kinds[start:start + len(ranking)] == ["article"] * len(ranking)
    # Numbers that do not follow each other are not a list: a menu stays a menu.
    kinds = verdicts([*MENU, *ARTICLE[:2], "1. Home", "7. News", "2. Sport", "9. Travel", *ARTICLE[3:],
                      "© 2024 The Harbour Gazette"])
    assert "article" not in kinds[start:start + 4]


def test_numbered_items_need_three_in_a_row():
    assert numbered_items(["1. One", "2. Two", "3. Three"]) == {0, 1, 2}
    assert numbered_items(["1. One", "2. Two", "Share", "3. Three"]) == set()
    assert numbered_items(["9) Nine", "10) Ten", "11) Eleven", "13) Thirteen"]) == {0, 1, 2}


def test_an_outline_is_a_numbered_list_too():
    toc = ["1 History", "1.1 Early years", "1.2 The bridge", "2 Values", "3 Software", "3.1 Browsers",
           "3.1.1 Firefox", "4 Community"]
    assert numbered_items(toc) == set(range(len(toc)))
    assert numbered_items(["4.2.3 April 2014", "4.1.6 April 2014", "4.2.4 May 2014"]) == set()


def test_a_table_of_contents_does_not_cut_the_lead_from_the_article():
    toc = ["Contents", "1 History", "1.1 Early years", "1.2 The bridge", "2 Design", "2.1 Towers", "2.2 Deck",
           "3 Construction", "3.1 Costs", "3.2 Delays", "4 Opposition", "5 See also", "6 References"]
    lead = [ARTICLE[0] + " " + ARTICLE[1]]
    body = [*SECOND, *ARTICLE[3:], *SECOND]
    kinds = verdicts([*MENU, *lead, *toc, *body, "© 2024 The Harbour Gazette"])
    assert kinds[len(MENU)] == "article"
    assert kinds[-len(body) - 1:-1] == ["article"] * len(body)


def test_a_photo_gallery_inside_the_article_is_removed_and_the_article_around_it_kept():
    slides = []
    for i, teaser in enumerate(TEASERS * 2):
        slides += [f"{i + 1}/8 Headline of slide {i + 1}", teaser, "Getty Images"]
    kinds = verdicts([*MENU, *ARTICLE[:2], *slides, *ARTICLE[3:], "© 2024 The Harbour Gazette"])
    start = len(MENU)
    assert kinds[start:start + 2] == ["article", "article"]
    assert set(kinds[start + 2:start + 2 + len(slides)]) <= {"gallery", "media"}
    assert kinds[start + 2 + len(slides):start + 4 + len(slides)] == ["article", "article"]


def test_gallery_counters_must_count_one_after_the_other_out_of_one_total():
    assert gallery_slides(["1/3 Pier", "A pier.", "2/3 Jet", "A jet.", "3/3 Pub", "A pub.", "After."]) == set(range(6))
    assert gallery_slides(["1/3 Pier", "2/5 Jet", "3/3 Pub"]) == set()
    assert gallery_slides(["Slide 2 of 9", "The score was 1 / 5 today", "7/8 of people agree"]) == set()


def test_the_controls_of_a_video_player_inside_the_article_are_removed():
    player = ["Play Video", "Play", "Mute", "Current Time 0:00", "Duration Time 0:00", "Loaded: 0%", "Fullscreen"]
    kinds = verdicts([*MENU, *ARTICLE[:2], *player, *ARTICLE[3:], "© 2024 The Harbour Gazette"])
    start = len(MENU) + 2
    assert "article" not in kinds[start:start + len(player)]
    assert kinds[start + len(player):start + len(player) + 2] == ["article", "article"]


def test_a_list_of_short_items_with_one_interface_word_is_kept():
    items = ["Fresh bread", "Two onions", "A bag of flour", "Olive oil from the shop", "Share of the harvest"]
    kinds = verdicts([*MENU, *ARTICLE[:2], *items, *ARTICLE[3:], "© 2024 The Harbour Gazette"])
    start = len(MENU) + 2
    assert kinds[start:start + len(items)].count("article") >= 4


def test_a_table_column_named_comment_does_not_end_the_article():
    table = ["Status", "Timeout", "Comment", "new", "started", "enqueued"]
    rest = [*SECOND, TEASERS[0], TEASERS[1]]
    kinds = verdicts([*MENU, *ARTICLE, "The states of a task and their timeouts:", *table, *rest,
                      "© 2024 The Harbour Gazette"])
    assert kinds[-len(rest) - 1:-1] == ["article"] * len(rest)


def test_a_thread_right_after_the_article_stays_out_though_it_reads_like_prose():
    thread = ["Comments", "jane_d", "2 hours ago", SECOND[0], SECOND[1], "Reply", "harbourfan", "1 hour ago",
              TEASERS[0], TEASERS[1], "Reply"]
    kinds = verdicts([*MENU, *ARTICLE, *thread, "© 2024 The Harbour Gazette"])
    assert "article" not in kinds[len(MENU) + len(ARTICLE):]


def test_dated_rows_of_a_table_inside_the_article_are_kept_and_a_lone_date_is_not():
    rows = ["4.2.3 April 2014", "4.2.4 May 2014", "4.3 July 2014", "4.4 January 2015"]
    kinds = verdicts([*MENU, *ARTICLE[:2], "Release Date", *rows, *ARTICLE[3:], "© 2024 The Harbour Gazette"])
    start = len(MENU) + 3
    assert kinds[start:start + len(rows)] == ["article"] * len(rows)
    kinds = verdicts([*MENU, *ARTICLE[:2], "March 25, 2015", *ARTICLE[3:], "© 2024 The Harbour Gazette"])
    assert kinds[len(MENU) + 2] == "date"


@pytest.mark.parametrize("line", [
    "2 hours ago", "Updated 5 minutes ago", "vor 3 Stunden", "il y a 5 minutes", "hace 2 horas", "há 3 dias",
    "před 2 hodinami", "Aktualizováno před 21 minutami", "4 godziny temu", "3 часа назад", "3小时前",
])
def test_a_time_counted_back_from_now_is_a_time_stamp(line):
    assert block_features(line, "en").timestamp


@pytest.mark.parametrize("line", ["He left 2 hours ago.", "The 5 days ago problem is real and we all know it well"])
def test_a_sentence_with_a_time_ago_in_it_is_not_a_time_stamp(line):
    assert not block_features(line, "en").timestamp


def test_image_credits_between_paragraphs_do_not_set_them_apart():
    article = []
    for paragraph in [ARTICLE[0], ARTICLE[1], ARTICLE[3], ARTICLE[4]]:
        article += [paragraph, "(photo AFP)", "Getty Images"]
    page = [*MENU, *article, "Comments", "jane_d", *SECOND, "© 2024 The Harbour Gazette"]
    kinds = verdicts(page)
    assert [k for t, k in zip(page, kinds, strict=True) if t in ARTICLE] == ["article"] * 4
    assert "article" not in kinds[len(MENU) + len(article):]
