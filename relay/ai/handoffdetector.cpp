#include "handoffdetector.h"

#include "textnormalizer.h"

#include <QSet>

namespace Serambi::Relay {

namespace {

QSet<QString> setOf(std::initializer_list<const char *> words)
{
    QSet<QString> out;
    for (const char *word : words)
        out.insert(QString::fromLatin1(word));
    return out;
}

// Someone who is a person by definition.
const QSet<QString> &people()
{
    static const QSet<QString> set =
        setOf({"manusia", "operator", "agen", "agent", "petugas", "staf", "staff", "cs", "human",
               "representative", "pegawai", "karyawan", "manager", "manajer", "supervisor",
               "atasan", "pemilik", "owner", "humans"});
    return set;
}

// Someone who may be the bot, or anybody: needs a verb of contact (or "real person") to count.
const QSet<QString> &maybePeople()
{
    static const QSet<QString> set = setOf({"admin", "kakak", "juragan", "anda", "kamu", "you",
                                            "orang", "person", "someone", "somebody"});
    return set;
}

const QSet<QString> &contactVerbs()
{
    static const QSet<QString> set =
        setOf({"bicara",       "berbicara", "hubungkan",  "dihubungkan", "sambungkan",
               "disambungkan", "sambung",   "terhubung",  "menghubungi", "hubungi",
               "telepon",      "telpon",    "nelpon",     "talk",        "speak",
               "connect",      "panggil",   "panggilkan", "dilayani",    "layani",
               "call",         "oper",      "dioper",     "alihkan",     "dialihkan"});
    return set;
}

const QSet<QString> &wishes()
{
    static const QSet<QString> set =
        setOf({"mau", "minta", "ingin", "butuh", "perlu", "need", "want", "please", "tolong",
               "bisa", "can", "could", "pengen", "request", "get", "carikan", "mana"});
    return set;
}

// Strong words: one is enough.
const QSet<QString> &insults()
{
    static const QSet<QString> set = setOf(
        {"penipu",    "nipu",      "tipu",    "menipu",   "ditipu",       "penipuan",   "bohong",
         "pembohong", "bodoh",     "goblok",  "goblog",   "bego",         "tolol",      "anjing",
         "anjir",     "bangsat",   "sialan",  "brengsek", "kampret",      "tai",        "laporkan",
         "ylki",      "polisi",    "somasi",  "viral",    "viralkan",     "scam",       "scammer",
         "fraud",     "stupid",    "useless", "worst",    "unacceptable", "ridiculous", "sue",
         "lawyer",    "pengacara", "kapok",   "ngeselin", "keterlaluan"});
    return set;
}

// Words of displeasure: two, or one with shouting, make anger.
const QSet<QString> &displeasure()
{
    static const QSet<QString> set =
        setOf({"kecewa", "mengecewakan", "marah", "kesal", "kesel",        "parah",    "payah",
               "lelet",  "lemot",        "jelek", "buruk", "disappointed", "angry",    "terrible",
               "awful",  "annoyed",      "upset", "becus", "komplain",     "complain", "complaint",
               "refund", "lapor",        "males", "malas", "capek",        "cape",     "muak",
               "gila",   "sebel",        "sebal", "rugi",  "hancur"});
    return set;
}

bool shouts(const QString &text)
{
    if (text.contains(QLatin1String("!!")) || text.contains(QLatin1String("?!")))
        return true;
    for (const char *emoji : {"\U0001F621", "\U0001F92C", "\U0001F620", "\U0001F47F", "\U0001F4A2"})
        if (text.contains(QString::fromUtf8(emoji)))
            return true;
    int capitals = 0;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        int letters = 0;
        bool upper = true;
        for (const QChar c : word) {
            if (c.isLetter()) {
                ++letters;
                upper = upper && c.isUpper();
            }
        }
        if (letters >= 3 && upper)
            ++capitals;
    }
    return capitals >= 2;
}

} // namespace

HandoffDetector::HandoffDetector(QStringList keywords)
{
    for (const QString &keyword : keywords) {
        const QString folded = TextNormalizer::fold(keyword);
        if (!folded.isEmpty())
            m_keywords.append(folded);
    }
}

QString HandoffDetector::reasonFor(const QString &text) const
{
    const QStringList words = TextNormalizer::words(text);
    if (asksForPerson(words))
        return QLatin1String(HandoffReason::CustomerRequest);
    if (anger(text, words) >= 2)
        return QLatin1String(HandoffReason::Anger);
    if (hasKeyword(TextNormalizer::fold(text)))
        return QLatin1String(HandoffReason::Keyword);
    return {};
}

bool HandoffDetector::asksForPerson(const QStringList &words) const
{
    bool person = false;
    bool maybePerson = false;
    bool contact = false;
    bool wish = false;
    bool botNamed = false;
    bool real = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        person = person || people().contains(word);
        maybePerson = maybePerson || maybePeople().contains(word);
        contact = contact || contactVerbs().contains(word);
        wish = wish || wishes().contains(word);
        real = real || word == QLatin1String("asli") || word == QLatin1String("beneran") ||
               word == QLatin1String("benar") || word == QLatin1String("real") ||
               word == QLatin1String("live") || word == QLatin1String("nyata");
        botNamed = botNamed || word == QLatin1String("bot") || word == QLatin1String("robot") ||
                   word == QLatin1String("mesin") || word == QLatin1String("ai");
    }
    // "bukan bot", "jangan bot", "not a bot", "dijawab bot terus": the customer wants out.
    if (botNamed) {
        for (const char *against : {"bukan", "jangan", "not", "no", "terus", "lagi", "melulu",
                                    "doang", "mulu", "stop", "tidak"})
            if (words.contains(QString::fromLatin1(against)))
                return true;
    }
    if (person && (contact || wish))
        return true;
    if (maybePerson && real)
        return true;
    return maybePerson && contact && !words.contains(QStringLiteral("kirim"));
}

double HandoffDetector::anger(const QString &text, const QStringList &words) const
{
    double score = 0;
    for (const QString &word : words) {
        if (insults().contains(word))
            score += 2;
        else if (displeasure().contains(word))
            score += 1;
    }
    if (shouts(text))
        score += 1;
    return score;
}

bool HandoffDetector::hasKeyword(const QString &folded) const
{
    const QString padded = QLatin1Char(' ') + folded + QLatin1Char(' ');
    for (const QString &keyword : m_keywords) {
        if (padded.contains(QLatin1Char(' ') + keyword + QLatin1Char(' ')))
            return true;
    }
    return false;
}

} // namespace Serambi::Relay
