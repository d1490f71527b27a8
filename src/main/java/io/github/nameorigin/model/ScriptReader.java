package io.github.nameorigin.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;

/**
 * Reads a name in any script: tells its script (ICU's {@link UScript}) and writes it in Latin
 * letters with ICU's transliterators, so that the model, which learned Latin spellings, can score
 * it. The choices follow the spellings of the training names: Cyrillic by the BGN/PCGN scheme for
 * Russian ({@code Иванов} → {@code Ivanov}, {@code Щукин} → {@code Shchukin}), Greek by UNGEGN
 * ({@code Χατζηδάκης} → {@code Chatzidakis}), Hangul by the Revised Romanization except the common
 * surnames, which are written the way their bearers and the training names write them
 * ({@code 김} → {@code Kim}, {@code 박} → {@code Park}), Han characters in pinyin, kana in romaji
 * with long vowels shortened ({@code さとう} → {@code Sato}), Arabic by ICU's Arabic-Latin. Other
 * scripts go through ICU's Any-Latin.
 *
 * <p>Which origins a script allows is {@link ScriptEvidence}'s business. Thread-safe: ICU's
 * transliterators are immutable once built; each call uses them without shared state.
 */
public final class ScriptReader {

    /** The common Korean surnames in the spellings the training names use. */
    private static final Map<String, String> KOREAN_SURNAMES = Map.ofEntries(
            Map.entry("김", "Kim"), Map.entry("이", "Lee"), Map.entry("박", "Park"), Map.entry("최", "Choi"),
            Map.entry("정", "Jung"), Map.entry("강", "Kang"), Map.entry("조", "Cho"), Map.entry("윤", "Yoon"),
            Map.entry("장", "Jang"), Map.entry("임", "Lim"), Map.entry("한", "Han"), Map.entry("오", "Oh"),
            Map.entry("서", "Seo"), Map.entry("신", "Shin"), Map.entry("권", "Kwon"), Map.entry("황", "Hwang"),
            Map.entry("안", "Ahn"), Map.entry("송", "Song"), Map.entry("류", "Ryu"), Map.entry("유", "Yoo"),
            Map.entry("홍", "Hong"), Map.entry("전", "Jeon"), Map.entry("고", "Ko"), Map.entry("문", "Moon"),
            Map.entry("양", "Yang"), Map.entry("손", "Son"), Map.entry("배", "Bae"), Map.entry("백", "Baek"),
            Map.entry("허", "Heo"), Map.entry("노", "Noh"), Map.entry("남", "Nam"), Map.entry("하", "Ha"),
            Map.entry("곽", "Kwak"), Map.entry("성", "Sung"), Map.entry("차", "Cha"), Map.entry("주", "Joo"),
            Map.entry("우", "Woo"), Map.entry("구", "Koo"), Map.entry("민", "Min"), Map.entry("나", "Na"),
            Map.entry("진", "Jin"), Map.entry("지", "Ji"), Map.entry("엄", "Um"), Map.entry("채", "Chae"),
            Map.entry("원", "Won"), Map.entry("천", "Chun"), Map.entry("방", "Bang"), Map.entry("공", "Kong"),
            Map.entry("현", "Hyun"), Map.entry("함", "Ham"), Map.entry("변", "Byun"), Map.entry("염", "Yeom"),
            Map.entry("여", "Yeo"), Map.entry("추", "Choo"), Map.entry("도", "Do"), Map.entry("소", "So"),
            Map.entry("석", "Seok"), Map.entry("선", "Sun"), Map.entry("설", "Seol"), Map.entry("마", "Ma"),
            Map.entry("길", "Gil"), Map.entry("연", "Yeon"), Map.entry("위", "Wi"), Map.entry("표", "Pyo"),
            Map.entry("명", "Myung"), Map.entry("기", "Ki"), Map.entry("반", "Ban"), Map.entry("라", "Ra"),
            Map.entry("왕", "Wang"), Map.entry("금", "Keum"), Map.entry("옥", "Ok"), Map.entry("육", "Yook"),
            Map.entry("인", "In"), Map.entry("맹", "Maeng"), Map.entry("제", "Je"), Map.entry("모", "Mo"),
            Map.entry("탁", "Tak"), Map.entry("국", "Kook"), Map.entry("어", "Eo"), Map.entry("은", "Eun"),
            Map.entry("편", "Pyeon"), Map.entry("용", "Yong"), Map.entry("예", "Ye"), Map.entry("경", "Kyung"),
            Map.entry("봉", "Bong"), Map.entry("사", "Sa"), Map.entry("부", "Boo"), Map.entry("황보", "Hwangbo"),
            Map.entry("남궁", "Namgung"), Map.entry("제갈", "Jegal"), Map.entry("선우", "Sunwoo"));

    private static final Set<Integer> KANA = Set.of(UScript.HIRAGANA, UScript.KATAKANA);

    private final Transliterator cyrillic = Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII");
    private final Transliterator greek = Transliterator.getInstance("Greek-Latin/UNGEGN; Latin-ASCII");
    private final Transliterator hangul = Transliterator.getInstance("Hangul-Latin; Latin-ASCII");
    private final Transliterator han = Transliterator.getInstance("Han-Latin; Latin-ASCII");
    private final Transliterator kana = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private final Transliterator arabic = Transliterator.getInstance("Arabic-Latin; Latin-ASCII");
    private final Transliterator any = Transliterator.getInstance("Any-Latin");

    /**
     * What a name was read as.
     *
     * @param name   the name as sent
     * @param script the name's script, as ICU names it in upper case ({@code LATIN}, {@code CYRILLIC},
     *               {@code HANGUL}, {@code HAN}, {@code HIRAGANA}, ...); kanji with kana are
     *               reported as the kana's script
     * @param code   the ICU script code
     * @param latin  the name in Latin letters, as the model is given it (the name itself when it
     *               is Latin already)
     */
    public record Reading(String name, String script, int code, String latin) {
    }

    /**
     * Reads a name.
     *
     * @param name the name as sent, trimmed
     * @return its script and Latin form
     */
    public Reading read(String name) {
        int code = script(name);
        String latin = switch (code) {
            case UScript.LATIN, UScript.COMMON, UScript.INHERITED, UScript.UNKNOWN -> name;
            case UScript.CYRILLIC -> cyrillic.transliterate(name);
            case UScript.GREEK -> greek.transliterate(name);
            case UScript.HANGUL -> korean(name);
            case UScript.HAN -> words(han.transliterate(name));
            case UScript.HIRAGANA, UScript.KATAKANA -> romaji(kana.transliterate(name));
            case UScript.ARABIC -> arabic.transliterate(name);
            default -> any.transliterate(name);
        };
        return new Reading(name, UScript.getName(code).toUpperCase(Locale.ROOT), code, latin);
    }

    /**
     * The script of most of the name's letters; a name with kana is Japanese whatever else it has
     * (kanji surnames written with kana, such as {@code 佐々木} or {@code たなか}).
     */
    static int script(String name) {
        int[] counts = new int[UScript.CODE_LIMIT];
        boolean kana = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            int code = UScript.getScript(cp);
            if (code == UScript.COMMON || code == UScript.INHERITED || code == UScript.UNKNOWN) {
                continue;
            }
            counts[code]++;
            kana |= KANA.contains(code);
        }
        int best = UScript.COMMON;
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] > (best == UScript.COMMON ? 0 : counts[best])) {
                best = code;
            }
        }
        if (kana && best == UScript.HAN) {
            return counts[UScript.KATAKANA] > counts[UScript.HIRAGANA] ? UScript.KATAKANA : UScript.HIRAGANA;
        }
        return best;
    }

    /** Whole-name and per-syllable-block surname spellings, else the Revised Romanization. */
    private String korean(String name) {
        String known = KOREAN_SURNAMES.get(name.strip());
        if (known != null) {
            return known;
        }
        // a full name in one word: the family name is its first syllable (or two for the compound ones)
        for (int length = 2; length >= 1; length--) {
            if (name.length() > length && KOREAN_SURNAMES.containsKey(name.substring(0, length))) {
                return KOREAN_SURNAMES.get(name.substring(0, length)) + " "
                        + capitalised(hangul.transliterate(name.substring(length)));
            }
        }
        return capitalised(hangul.transliterate(name));
    }

    /** Pinyin syllables run together within a word ({@code shang guan} → {@code Shangguan}). */
    private static String words(String pinyin) {
        return capitalised(pinyin.replace(" ", ""));
    }

    /** Long vowels written once, as the training names write them ({@code satou} → {@code Sato}). */
    private static String romaji(String latin) {
        return capitalised(latin.replace("ou", "o").replace("uu", "u").replace("oo", "o").replace("~", ""));
    }

    private static String capitalised(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? stripped
                : stripped.substring(0, 1).toUpperCase(Locale.ROOT) + stripped.substring(1);
    }
}
