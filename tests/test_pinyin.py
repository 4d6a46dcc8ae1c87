"""Pinyin of Chinese text (studyboard.nlp.pinyin). Every syllable checked by hand
(reading and tone of each character in its word)."""

from studyboard.nlp.pinyin import pinyin, toneless


def test_tone_marks_one_syllable_per_space():
    assert pinyin("中部地区崛起") == "zhōng bù dì qū jué qǐ"
    assert pinyin("高质量发展") == "gāo zhì liàng fā zhǎn"
    assert pinyin("绿色发展") == "lǜ sè fā zhǎn"
    # dictionary tones, no tone sandhi: 一 stays yī
    assert pinyin("一带一路") == "yī dài yī lù"


def test_readings_chosen_by_the_phrase_dictionary():
    assert pinyin("银行") == "yín háng"
    assert pinyin("行业") == "háng yè"
    assert pinyin("重庆") == "chóng qìng"
    assert pinyin("重要") == "zhòng yào"
    assert pinyin("调整") == "tiáo zhěng"


def test_other_characters_stay():
    assert pinyin("5G网络") == "5G wǎng luò"
    assert pinyin("") == ""


def test_toneless():
    assert toneless("xīn zhì shēngchǎnlì") == "xinzhishengchanli"
    assert toneless("Jīng-Jīn-Jì") == "jingjinji"
    assert toneless("Xī'ān") == "xian"
    assert toneless("lǜ sè") == toneless("lv se") == toneless("lü se") == "luse"
