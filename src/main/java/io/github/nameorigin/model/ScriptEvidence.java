package io.github.nameorigin.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ibm.icu.lang.UScript;

/**
 * What a name's script says about its origin: Hangul is Korean, kana Japanese, Greek letters
 * Greek, Cyrillic Russian (the one origin of the 18 written in it), Arabic letters Arabic, and Han
 * characters Chinese or Japanese. The model only sees the Latin transliteration, which loses this
 * (and reads every Han name's pinyin as Chinese), so the script reweights its answer: the origins
 * the script allows keep their probability, the others are scaled by {@value #OTHERS}, and the
 * result is renormalised. For Han the answer is replaced by a Chinese-or-Japanese split read from
 * the characters themselves. A script none of the origins is written in (Hebrew, Armenian,
 * Georgian, Thai, Devanagari, ...) is itself a sign that the name is none of them.
 */
public final class ScriptEvidence {

    /** Weight of the origins a script does not allow. */
    static final float OTHERS = 0.001f;

    /** How many times less room a letter none of the origins writes leaves to a known origin. */
    static final int FOREIGN_LETTER_DOUBT = 5;

    private static final Map<Integer, String> SINGLE_ORIGIN = Map.of(UScript.HANGUL, "Korean", UScript.HIRAGANA,
            "Japanese", UScript.KATAKANA, "Japanese", UScript.GREEK, "Greek", UScript.CYRILLIC, "Russian",
            UScript.ARABIC, "Arabic");

    /** Scripts judged by the answer's confidence alone ({@link #identifiesOrigin}). */
    private static final Set<Integer> IDENTIFYING = Set.of(UScript.HANGUL, UScript.HIRAGANA, UScript.KATAKANA,
            UScript.HAN, UScript.GREEK, UScript.ARABIC);

    /** Scripts that say nothing about which of the origins a name has. */
    private static final Set<Integer> NEUTRAL = Set.of(UScript.LATIN, UScript.COMMON, UScript.INHERITED,
            UScript.UNKNOWN);

    /**
     * The two-character Chinese family names (simplified and traditional): two Han characters are
     * otherwise far more often a Japanese surname.
     */
    private static final Set<String> CHINESE_COMPOUNDS = Set.of("欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛",
            "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "夏侯", "轩辕",
            "軒轅", "令狐", "钟离", "鍾離", "闻人", "聞人", "赫连", "赫連", "澹台", "公冶", "太叔", "申屠", "端木", "鲜于",
            "鮮于", "濮阳", "濮陽", "单于", "單于", "百里", "呼延", "万俟", "司空", "南宫", "南宮", "独孤", "獨孤", "西门",
            "西門", "东郭", "東郭", "第五", "范姜", "张简", "張簡");

    /**
     * Reweights calibrated probabilities by what the script says, in place.
     *
     * @param reading       how the name was read
     * @param origins       the model's origins, in output order
     * @param probabilities the name's probabilities; overwritten
     */
    public void apply(ScriptReader.Reading reading, List<String> origins, float[] probabilities) {
        if (reading.code() == UScript.HAN) {
            int chinese = origins.indexOf("Chinese");
            int japanese = origins.indexOf("Japanese");
            if (chinese >= 0 && japanese >= 0) {
                Arrays.fill(probabilities, 0f);
                float p = chineseShare(reading);
                probabilities[chinese] = p;
                probabilities[japanese] = 1 - p;
            }
            return;
        }
        String origin = SINGLE_ORIGIN.get(reading.code());
        int allowed = origin == null ? -1 : origins.indexOf(origin);
        if (allowed < 0) {
            return;
        }
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (i != allowed) {
                probabilities[i] *= OTHERS;
            }
            sum += probabilities[i];
        }
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] /= (float) sum;
        }
    }

    /**
     * Whether the script is left out of the character language model's judgement: Hangul, kana,
     * Han, Greek and Arabic letters. That model learned Latin spellings, and a transliteration
     * (pinyin of a Japanese name, ICU's reading of an Arabic one) reads as strange however common
     * the name is: with it, 64 of 76 Arabic-script Arabic surnames were flagged. Arabic script is
     * also written by Persian and Urdu, whose names then go unflagged; Cyrillic (Russian, but also
     * Ukrainian, Bulgarian, Serbian) keeps the model's judgement, since its transliteration
     * follows the training names' own.
     *
     * @param reading how the name was read
     * @return true for these scripts
     */
    public boolean identifiesOrigin(ScriptReader.Reading reading) {
        return IDENTIFYING.contains(reading.code());
    }

    /**
     * Whether the name is written in a script none of the origins uses: a sign that it is none
     * of them.
     *
     * @param reading how the name was read
     * @return true for a script that is neither Latin nor one of the scripts of the origins
     */
    public boolean isForeign(ScriptReader.Reading reading) {
        return !NEUTRAL.contains(reading.code()) && reading.code() != UScript.HAN
                && !SINGLE_ORIGIN.containsKey(reading.code());
    }

    /**
     * Whether a Cyrillic or Arabic-script name has a letter that the origin written in that script
     * does not use: a Cyrillic letter outside the Russian alphabet (Ukrainian {@code і}, Serbian
     * {@code ј}, Macedonian {@code ќ}, Kazakh {@code қ}, ...) or an Arabic-script letter outside
     * the Arabic alphabet (Persian {@code پ}, {@code گ}, {@code ی}, Urdu {@code ٹ}, {@code ے}, ...).
     * Such a name is written in the script of one of the origins, but not in its language.
     *
     * @param reading how the name was read
     * @return true when such a letter is present
     */
    public boolean hasForeignLetter(ScriptReader.Reading reading) {
        String name = reading.name().toLowerCase(Locale.ROOT);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            if (reading.code() == UScript.CYRILLIC && Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC
                    && !(c >= 'а' && c <= 'я' || c == 'ё')) {
                return true;
            }
            // the Arabic alphabet's letters are U+0621 to U+064A; the letters after its marks are
            // those other languages added
            if (reading.code() == UScript.ARABIC && c > '\u0670' && c <= '\u06FF') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the name was read as it is written, in Latin letters (or in no script at all).
     *
     * @param reading how the name was read
     * @return true when it is not transliterated
     */
    public boolean readsAsLatin(ScriptReader.Reading reading) {
        return NEUTRAL.contains(reading.code());
    }

    /**
     * An unknown score raised by a letter none of the origins writes: what is left below 1 shrinks
     * {@value #FOREIGN_LETTER_DOUBT}-fold, so the order among such names is kept and a name that
     * scored 0.1 scores 0.82.
     *
     * @param score the score without that evidence
     * @return the raised score
     */
    public static double withForeignLetter(double score) {
        return 1 - (1 - score) / FOREIGN_LETTER_DOUBT;
    }

    /**
     * How likely a Han-script name is Chinese rather than Japanese: one character (most Chinese
     * family names, few Japanese ones) or a known two-character Chinese family name say Chinese;
     * two or more characters otherwise say Japanese (most Japanese family names have two). A
     * simplified character says Chinese only in a two-character name: Japanese writes some of the
     * same simplified forms ({@code 内}, {@code 坂}), so it decides nothing alone.
     */
    float chineseShare(ScriptReader.Reading reading) {
        String name = reading.name().replaceAll("\\s+", "");
        int length = name.codePointCount(0, name.length());
        if (length == 1) {
            return 0.9f;
        }
        if (length == 2 && CHINESE_COMPOUNDS.contains(name)) {
            return 0.95f;
        }
        return 0.1f;
    }
}
