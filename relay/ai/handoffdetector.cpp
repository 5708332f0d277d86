#include "handoffdetector.h"

#include "textnormalizer.h"

#include <QSet>

#include <algorithm>

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
    static const QSet<QString> set = setOf(
        {"manusia", "petugas", "staf", "staff", "cs", "human", "representative", "pegawai",
         "karyawan", "manager", "manajer", "supervisor", "atasan", "pemilik", "owner", "humans"});
    return set;
}

// Someone who may be the bot, or anybody, or something else ("operator seluler", "agen
// resmi"): needs a verb of contact before it (or "real person") to count.
const QSet<QString> &maybePeople()
{
    static const QSet<QString> set =
        setOf({"admin",  "kakak",   "juragan",  "anda",    "kamu",     "you",  "orang",
               "person", "someone", "somebody", "mas",     "mbak",     "bang", "abang",
               "om",     "tante",   "anyone",   "anybody", "operator", "agen", "agent"});
    return set;
}

const QSet<QString> &contactVerbs()
{
    static const QSet<QString> set =
        setOf({"bicara",    "berbicara", "hubungkan",   "dihubungkan", "sambungkan", "disambungkan",
               "sambung",   "terhubung", "menghubungi", "hubungi",     "telepon",    "telpon",
               "nelpon",    "talk",      "speak",       "connect",     "panggil",    "panggilkan",
               "dilayani",  "layani",    "call",        "oper",        "dioper",     "alihkan",
               "dialihkan", "hubung",    "telp",        "contact",     "ngomong",    "ngobrol",
               "chat"});
    return set;
}

// What a person on duty does: "ada yang jaga", "ada yang balas".
const QSet<QString> &onDuty()
{
    static const QSet<QString> set = setOf(
        {"jaga", "piket", "balas", "bales", "respon", "jawab", "baca", "layani", "bantu", "help"});
    return set;
}

const QSet<QString> &wishes()
{
    static const QSet<QString> set = setOf(
        {"mau",   "minta", "ingin", "butuh",  "perlu",   "need", "want",    "please", "tolong",
         "bisa",  "can",   "could", "pengen", "request", "get",  "carikan", "mana",   "mohon",
         "harap", "pls",   "plz",   "plis",   "boleh",   "let",  "like"});
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
               "gila",   "sebel",        "sebal", "rugi",  "hancur",       "apaan"});
    return set;
}

// Words that are displeasure only when intensified: "lama banget", "lambat sekali".
const QSet<QString> &slowness()
{
    static const QSet<QString> set = setOf({"lama", "lambat", "slow"});
    return set;
}

const QSet<QString> &intensifiers()
{
    static const QSet<QString> set =
        setOf({"banget", "sekali", "sangat", "amat", "berat", "very", "so", "really", "too"});
    return set;
}

const QSet<QString> &complaintParticles()
{
    static const QSet<QString> set = setOf({"kok", "masa", "sih"});
    return set;
}

// Being answered or kept informed: "tidak dibalas", "belum ada kabar", "tidak direspon".
const QSet<QString> &answers()
{
    static const QSet<QString> set = setOf({"balas", "bales", "respon", "respons", "jawab",
                                            "tanggap", "kabar", "urus", "jelas", "kejelasan"});
    return set;
}

const QSet<QString> &timeWaited()
{
    static const QSet<QString> set =
        setOf({"seminggu", "sebulan", "berhari", "berminggu", "berjam"});
    return set;
}

const QSet<QString> &timeUnits()
{
    static const QSet<QString> set =
        setOf({"hari", "minggu", "bulan", "jam", "days", "weeks", "hours", "x", "kali"});
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

// True when word, or its stem, or the word without the colloquial -in suffix ("panggilin",
// "sambungin") is in set.
bool matches(const QSet<QString> &set, const QString &word)
{
    if (set.contains(word) || set.contains(TextNormalizer::stem(word)))
        return true;
    if (word.size() > 5 && word.endsWith(QLatin1String("in"))) {
        const QString plain = word.chopped(2);
        return set.contains(plain) || set.contains(TextNormalizer::stem(plain));
    }
    return false;
}

// Verbs that pass the chat on to someone: "hubungkan dengan", "teruskan ke", "oper ke".
const QSet<QString> &passOnVerbs()
{
    static const QSet<QString> set =
        setOf({"hubungkan", "dihubungkan", "sambungkan", "disambungkan", "teruskan", "diteruskan",
               "terusin", "terusan", "oper", "dioper", "alihkan", "dialihkan", "forward",
               "transfer", "connect", "put", "pass"});
    return set;
}

// Talking with someone: "ngobrol sama", "bicara dengan", "chat langsung sm", "diajak ngobrol".
const QSet<QString> &talkVerbs()
{
    static const QSet<QString> set =
        setOf({"bicara", "berbicara", "ngobrol", "ngomong", "chat", "talk", "speak", "diskusi",
               "ketemu", "bertemu", "meet", "call", "contact", "reach", "telepon", "telpon",
               "nelpon", "telp", "hubungi"});
    return set;
}

// Complaining to someone: "mau komplain ke siapa", "lapor ke pihak toko".
const QSet<QString> &complaints()
{
    static const QSet<QString> set = setOf({"komplain", "complain", "lapor", "adukan", "mengadu"});
    return set;
}

const QSet<QString> &towards()
{
    static const QSet<QString> set = setOf({"dengan", "sama", "ke", "kepada", "with", "to"});
    return set;
}

const QSet<QString> &me()
{
    static const QSet<QString> set = setOf({"saya", "me", "us"});
    return set;
}

// The patterns of a request for a person, in words never seen: passing the chat on towards
// someone ("teruskan ke kepala klinik", "hubungkan saya dengan bagian administrasi"), talking
// with someone when the customer wants to ("mau ngobrol sama ...", "yang bisa diajak bicara"),
// being called ("telpon saya", "call me").
bool requestPattern(const QStringList &words, bool wish)
{
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        const bool passOn = passOnVerbs().contains(word) ||
                            (word.size() > 5 && word.endsWith(QLatin1String("in")) &&
                             passOnVerbs().contains(word.chopped(2)));
        // "nomor telepon", "video call": a number or a service, not a call asked for.
        const bool named =
            i > 0 &&
            (words.at(i - 1) == QLatin1String("nomor") || words.at(i - 1) == QLatin1String("no") ||
             words.at(i - 1) == QLatin1String("number") ||
             words.at(i - 1) == QLatin1String("video") || words.at(i - 1) == QLatin1String("vc"));
        const bool talk = !passOn && !named && matches(talkVerbs(), word);
        const bool ask = word == QLatin1String("tanya") || matches(complaints(), word);
        if (!passOn && !talk && !ask)
            continue;
        // What follows within three words: "ke", "dengan", "saya dengan", "chat ini ke".
        bool toward = false, toMe = false;
        for (qsizetype j = i + 1; j < words.size() && j <= i + 3; ++j) {
            toward = toward || towards().contains(words.at(j));
            toMe = toMe || (j == i + 1 && me().contains(words.at(j)));
        }
        // "transfer ke rekening", "kirim ke": only passing a chat on, not money or goods.
        if (passOn && toward &&
            !(word == QLatin1String("transfer") &&
              std::none_of(words.cbegin(), words.cend(), [](const QString &w) {
                  return w == QLatin1String("chat") || matches(people(), w);
              })))
            return true;
        if ((talk || (ask && word != QLatin1String("tanya"))) && (toward || toMe) && wish)
            return true;
        // "mau tanya langsung", "chat langsung": directly, not through this chat.
        if ((talk || ask) && wish && i + 1 < words.size() &&
            words.at(i + 1) == QLatin1String("langsung"))
            return true;
        // "yang bisa diajak bicara": someone who can be talked to.
        if (talk && i > 0 &&
            (words.at(i - 1) == QLatin1String("diajak") ||
             words.at(i - 1) == QLatin1String("ajak")))
            return true;
    }
    return false;
}

bool asksForPerson(const QStringList &words)
{
    bool person = false;
    bool maybePerson = false;
    bool contact = false;
    bool wish = false;
    bool botNamed = false;
    bool real = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        // "paket MCU buat karyawan": a person the customer buys for is not one asked for.
        const bool forSomeone = i > 0 && (words.at(i - 1) == QLatin1String("untuk") ||
                                          words.at(i - 1) == QLatin1String("for"));
        person = person || (matches(people(), word) && !forSomeone);
        maybePerson = maybePerson || matches(maybePeople(), word);
        contact = contact || matches(contactVerbs(), word);
        wish = wish || matches(wishes(), word);
        real = real || word == QLatin1String("asli") || word == QLatin1String("beneran") ||
               word == QLatin1String("benar") || word == QLatin1String("real") ||
               word == QLatin1String("live") || word == QLatin1String("nyata");
        botNamed = botNamed || word == QLatin1String("bot") || word == QLatin1String("robot") ||
                   word == QLatin1String("mesin") || word == QLatin1String("ai") ||
                   word == QLatin1String("chatbot") || word == QLatin1String("template") ||
                   word == QLatin1String("otomatis") || word == QLatin1String("autoreply") ||
                   word == QLatin1String("automated") || word == QLatin1String("automatic");
    }
    // "bukan bot", "jangan bot", "not a bot", "dijawab bot terus": the customer wants out.
    // "manusia atau bot?", "human or bot": asking whether anyone is there.
    if (botNamed && person)
        return true;
    if (botNamed) {
        for (const char *against : {"bukan", "jangan", "not", "no", "terus", "lagi", "melulu",
                                    "doang", "mulu", "stop", "tidak"})
            if (words.contains(QString::fromLatin1(against)))
                return true;
    }
    if (person && (contact || wish))
        return true;
    if (requestPattern(words, wish))
        return true;
    // "ada orang?", "ada cs ga", "ada yang jaga?": is anybody there. Not "ada kak?" nor "ada
    // min?": there the form of address follows a question about stock.
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        // "is anyone there", "anybody online"
        if ((words.at(i) == QLatin1String("anyone") || words.at(i) == QLatin1String("anybody") ||
             words.at(i) == QLatin1String("someone")) &&
            (words.at(i + 1) == QLatin1String("there") ||
             words.at(i + 1) == QLatin1String("available") ||
             words.at(i + 1) == QLatin1String("online") ||
             words.at(i + 1) == QLatin1String("here")))
            return true;
        // "is there any staff"
        if (words.at(i) == QLatin1String("there") || words.at(i) == QLatin1String("any")) {
            if (matches(people(), words.at(i + 1)) ||
                (i + 2 < words.size() && words.at(i + 1) == QLatin1String("any") &&
                 matches(people(), words.at(i + 2))))
                return true;
        }
        if (words.at(i) != QLatin1String("ada"))
            continue;
        const QString &next = words.at(i + 1);
        if (matches(people(), next) || TextNormalizer::stem(next) == QLatin1String("orang") ||
            (next == QLatin1String("yang") && i + 2 < words.size() &&
             (matches(onDuty(), words.at(i + 2)) ||
              (i + 3 < words.size() && matches(wishes(), words.at(i + 2)) &&
               matches(onDuty(), words.at(i + 3))))))
            return true;
    }
    if (maybePerson && real)
        return true;
    // "panggil admin", "hubungkan ke kakak cs", "talk to someone": a verb of contact, then
    // within three words the one to contact; or a verb of contact the customer asks for ("kak
    // bisa telpon?"). Not a number or a service: "nomor telepon", "video call".
    if (maybePerson && contact && !words.contains(QStringLiteral("kirim"))) {
        for (qsizetype i = 0; i < words.size(); ++i) {
            if (!matches(contactVerbs(), words.at(i)) ||
                (i > 0 && (words.at(i - 1) == QLatin1String("nomor") ||
                           words.at(i - 1) == QLatin1String("no") ||
                           words.at(i - 1) == QLatin1String("video"))))
                continue;
            if (wish)
                return true;
            for (qsizetype j = i + 1; j < words.size() && j <= i + 3; ++j) {
                if (matches(maybePeople(), words.at(j)))
                    return true;
            }
        }
    }
    return false;
}

// "tidak dibalas", "belum ada kabar", "tidak direspon": the word at i is being answered or
// kept informed, negated just before.
bool unanswered(const QStringList &words, qsizetype i)
{
    if (!matches(answers(), words.at(i)))
        return false;
    for (qsizetype back = std::max<qsizetype>(0, i - 2); back < i; ++back) {
        if (words.at(back) == QLatin1String("tidak") || words.at(back) == QLatin1String("belum"))
            return true;
    }
    return false;
}

// True when the word before or after position i intensifies it ("sangat kecewa", "kecewa
// berat").
bool intensified(const QStringList &words, qsizetype i)
{
    return (i > 0 && intensifiers().contains(words.at(i - 1))) ||
           (i + 1 < words.size() && intensifiers().contains(words.at(i + 1)));
}

// Insults and threats count 2; displeasure 1, or 2 when intensified; complaining of going
// unanswered ("tidak dijawab"), shouting (when shouted is true), and a complaining particle in
// a complaint 1 each.
double angerOf(const QStringList &words, bool shouted)
{
    double score = 0;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (matches(insults(), word))
            score += 2;
        else if (matches(displeasure(), word))
            score += intensified(words, i) ? 2 : 1;
        else if (slowness().contains(word) && intensified(words, i))
            score += 1;
        else if (unanswered(words, i))
            score += 1;
    }
    if (shouted)
        score += 1;
    // "kok", "masa", "sih" sharpen a complaint already made ("tidak dijawab sih").
    if (score >= 1 && std::any_of(words.cbegin(), words.cend(), [](const QString &word) {
            return complaintParticles().contains(word);
        }))
        score += 1;
    return score;
}

// Signs that a customer is losing patience, which count only when they keep writing about the
// same matter: complaining particles ("kok", "masa", "sih"), time already waited ("sudah 5
// hari", "seminggu", "dari kemarin"), "??".
bool impatient(const QString &text, const QStringList &words)
{
    if (text.contains(QLatin1String("??")))
        return true;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (matches(complaintParticles(), word) || matches(timeWaited(), word))
            return true;
        // "dari kemarin", "dari tadi": waiting since.
        if (i > 0 && words.at(i - 1) == QLatin1String("dari") &&
            (word == QLatin1String("kemarin") || word == QLatin1String("tadi")))
            return true;
        if (i > 0 && words.at(i - 1) == QLatin1String("sudah") && i + 1 < words.size() &&
            !word.isEmpty() && word.at(0).isDigit() && matches(timeUnits(), words.at(i + 1)))
            return true;
    }
    return false;
}

// What one message says, as far as handing over is concerned.
struct Reading
{
    QStringList words;
    QSet<QString> terms;
    double anger = 0;
    bool displeased = false; // anger from the words alone: some customers always write in capitals
    bool impatient = false;
    bool ping = false; // "halo", "kak??", "min": calling for attention, nothing asked
};

Reading read(const QString &text)
{
    Reading reading;
    reading.words = TextNormalizer::words(text);
    const QStringList terms = TextNormalizer::terms(text);
    reading.terms = QSet<QString>(terms.cbegin(), terms.cend());
    reading.anger = angerOf(reading.words, shouts(text));
    reading.displeased = angerOf(reading.words, false) >= 1;
    reading.impatient = impatient(text, reading.words);
    reading.ping = reading.terms.isEmpty() && reading.words.size() <= 2;
    return reading;
}

// A complaint that escalates: displeasure again after earlier displeasure, or impatience after
// the customer has already written at least twice about the same matter (or only called for
// attention) in the recent messages.
bool escalates(const Reading &now, const QStringList &history)
{
    // Without displeasure, anger or impatience now nothing escalates: the history (read and
    // stemmed message by message) is not needed, which keeps calm chats cheap.
    if (!now.displeased && !now.impatient && now.anger < 1)
        return false;
    QList<Reading> earlier;
    for (const QString &text : history)
        earlier.append(read(text));
    int persistent = 0;
    bool displeasedBefore = false;
    for (qsizetype i = 0; i < earlier.size(); ++i) {
        const Reading &message = earlier.at(i);
        displeasedBefore = displeasedBefore || message.displeased;
        bool related = message.ping || message.terms.intersects(now.terms);
        for (qsizetype j = 0; j < earlier.size() && !related; ++j)
            related = j != i && message.terms.intersects(earlier.at(j).terms);
        persistent += related ? 1 : 0;
    }
    if (now.displeased && displeasedBefore)
        return true;
    return persistent >= 2 && (now.anger >= 1 || now.impatient);
}

} // namespace

HandoffDetector::HandoffDetector(const QStringList &keywords)
{
    for (const QString &keyword : keywords) {
        const QString folded = TextNormalizer::fold(keyword);
        if (!folded.isEmpty())
            m_keywords.append(folded);
    }
}

QString HandoffDetector::reasonFor(const QString &text, const QStringList &history) const
{
    const Reading now = read(text);
    if (asksForPerson(now.words))
        return QLatin1String(HandoffReason::CustomerRequest);
    if (now.anger >= 2 || escalates(now, history))
        return QLatin1String(HandoffReason::Anger);
    if (hasKeyword(TextNormalizer::fold(text)))
        return QLatin1String(HandoffReason::Keyword);
    return {};
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
