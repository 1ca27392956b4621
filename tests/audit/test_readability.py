from blamelint.audit.readability import flesch_kincaid_grade, flesch_reading_ease, syllables


def test_formulas():
    # 100 words, 5 sentences, 150 syllables: 206.835 - 1.015*20 - 84.6*1.5
    assert flesch_reading_ease(100, 5, 150) == round(206.835 - 20.3 - 126.9, 1)
    assert flesch_kincaid_grade(100, 5, 150) == round(7.8 + 17.7 - 15.59, 1)
    assert flesch_reading_ease(0, 0, 0) is None and flesch_kincaid_grade(10, 0, 5) is None


def test_syllables():
    assert syllables("cat") == 1
    assert syllables("incident") == 3
    assert syllables("10:47") == 0
    assert syllables("Rollback") == syllables("rollback") >= 2
