#include "textnormalizer.h"

#include <QHash>
#include <QSet>

namespace Serambi::Relay::TextNormalizer {

namespace {

// Chat spellings and abbreviations -> the standard words they stand for.
const QHash<QString, QString> &slang()
{
    static const QHash<QString, QString> map = [] {
        const char *pairs[][2] = {
            {"yg", "yang"},
            {"blm", "belum"},
            {"blum", "belum"},
            {"udh", "sudah"},
            {"udah", "sudah"},
            {"sdh", "sudah"},
            {"dah", "sudah"},
            {"gmn", "bagaimana"},
            {"gimana", "bagaimana"},
            {"gmana", "bagaimana"},
            {"brp", "berapa"},
            {"tf", "transfer"},
            {"trf", "transfer"},
            {"trnsfr", "transfer"},
            {"ongkir", "ongkos kirim"},
            {"gan", "juragan"},
            {"kak", "kakak"},
            {"ka", "kakak"},
            {"kk", "kakak"},
            {"min", "admin"},
            {"mimin", "admin"},
            {"gk", "tidak"},
            {"ga", "tidak"},
            {"gak", "tidak"},
            {"nggak", "tidak"},
            {"ngga", "tidak"},
            {"enggak", "tidak"},
            {"engga", "tidak"},
            {"tdk", "tidak"},
            {"g", "tidak"},
            {"bs", "bisa"},
            {"bsa", "bisa"},
            {"sy", "saya"},
            {"aku", "saya"},
            {"gw", "saya"},
            {"gue", "saya"},
            {"gua", "saya"},
            {"dmn", "dimana"},
            {"kpn", "kapan"},
            {"knp", "kenapa"},
            {"krn", "karena"},
            {"soalnya", "karena"},
            {"tp", "tapi"},
            {"jg", "juga"},
            {"aja", "saja"},
            {"bgt", "banget"},
            {"msh", "masih"},
            {"lg", "lagi"},
            {"trs", "terus"},
            {"sm", "sama"},
            {"dgn", "dengan"},
            {"utk", "untuk"},
            {"buat", "untuk"},
            {"dr", "dari"},
            {"kl", "kalau"},
            {"kalo", "kalau"},
            {"klo", "kalau"},
            {"pengen", "ingin"},
            {"pgn", "ingin"},
            {"pingin", "ingin"},
            {"nanya", "tanya"},
            {"ngirim", "kirim"},
            {"dikirimin", "dikirim"},
            {"kirimin", "kirim"},
            {"brg", "barang"},
            {"byr", "bayar"},
            {"rek", "rekening"},
            {"norek", "nomor rekening"},
            {"hrg", "harga"},
            {"ukr", "ukuran"},
            {"wkt", "waktu"},
            {"pesenan", "pesanan"},
            {"psnan", "pesanan"},
            {"pesen", "pesan"},
            {"tgl", "tanggal"},
            {"mksh", "terima kasih"},
            {"makasih", "terima kasih"},
            {"thx", "thanks"},
            {"tks", "terima kasih"},
            {"trims", "terima kasih"},
            {"skrg", "sekarang"},
            {"skrng", "sekarang"},
            {"hr", "hari"},
            {"org", "orang"},
            {"tlg", "tolong"},
            {"tolongin", "tolong"},
            {"bales", "balas"},
            {"dibales", "dibalas"},
            {"cm", "cuma"},
            {"cuman", "cuma"},
            {"bnr", "benar"},
            {"beneran", "benar"},
            {"emg", "memang"},
            {"emang", "memang"},
            {"ngomong", "bicara"},
            {"ngobrol", "bicara"},
            {"brapa", "berapa"},
            {"dimn", "dimana"},
            {"nyampe", "sampai"},
            {"nyampai", "sampai"},
            {"sampe", "sampai"},
            {"smp", "sampai"},
            {"dtg", "datang"},
            {"dateng", "datang"},
            {"blanja", "belanja"},
            {"pkt", "paket"},
            {"paketan", "paket"},
            {"ekspedisi", "kurir"},
            {"gratis", "gratis"},
            {"rb", "ribu"},
            {"ok", "oke"},
            {"okay", "oke"},
            {"okey", "oke"},
            {"bkn", "bukan"},
            {"dpt", "dapat"},
            {"dapet", "dapat"},
            {"liat", "lihat"},
            {"ngecek", "cek"},
            {"bkin", "bikin"},
            {"mo", "mau"},
            {"pake", "pakai"},
            {"pk", "pakai"},
            {"tuker", "tukar"},
            {"nuker", "tukar"},
            {"balikin", "kembalikan"},
            {"ngembaliin", "kembalikan"},
            {"duit", "uang"},
            {"brgnya", "barangnya"},
            {"jm", "jam"},
        };
        QHash<QString, QString> out;
        for (const auto &pair : pairs)
            out.insert(QString::fromLatin1(pair[0]), QString::fromLatin1(pair[1]));
        return out;
    }();
    return map;
}

const QSet<QString> &stopWords()
{
    static const QSet<QString> set = [] {
        const char *list[] = {
            // Indonesian function words, forms of address and chat fillers
            "yang",
            "dan",
            "di",
            "ke",
            "dari",
            "ini",
            "itu",
            "untuk",
            "dengan",
            "ada",
            "apa",
            "apakah",
            "saya",
            "kamu",
            "anda",
            "kakak",
            "admin",
            "juragan",
            "sis",
            "bang",
            "mas",
            "mbak",
            "pak",
            "bu",
            "bapak",
            "ibu",
            "ya",
            "yah",
            "iya",
            "dong",
            "deh",
            "sih",
            "nih",
            "kok",
            "kah",
            "lah",
            "saja",
            "juga",
            "mau",
            "ingin",
            "bisa",
            "tanya",
            "mohon",
            "tolong",
            "halo",
            "hai",
            "hi",
            "hallo",
            "selamat",
            "terima",
            "kasih",
            "sudah",
            "belum",
            "berapa",
            "bagaimana",
            "gimana",
            "kapan",
            "kenapa",
            "dimana",
            "mana",
            "tidak",
            "atau",
            "tapi",
            "kalau",
            "jika",
            "karena",
            "sama",
            "lagi",
            "masih",
            "akan",
            "sedang",
            "lagi",
            "banget",
            "sekali",
            "oke",
            "permisi",
            "assalamualaikum",
            "wassalamualaikum",
            "pada",
            "oleh",
            "kami",
            "kita",
            "mereka",
            "dia",
            "nya",
            "punya",
            "sekarang",
            "udah",
            "nanti",
            "tadi",
            "aja",
            "gitu",
            "begitu",
            "terus",
            "boleh",
            "harus",
            "perlu",
            "jadi",
            "sebelum",
            "sesudah",
            "setelah",
            "lalu",
            "biar",
            "agar",
            "supaya",
            "cuma",
            "hanya",
            "memang",
            "benar",
            "thanks",
            "info",
            "informasi",
            "ready",
            "the",
            "a",
            "an",
            "is",
            "are",
            "am",
            "to",
            "i",
            "you",
            "do",
            "does",
            "can",
            "could",
            "how",
            "what",
            "when",
            "where",
            "my",
            "me",
            "please",
            "of",
            "for",
            "and",
            "or",
            "it",
            "this",
            "that",
            "in",
            "on",
            "with",
            "be",
            "will",
            "would",
            "there",
            "any",
            "hello",
            "hey",
            "sir",
            "madam",
            "want",
            "is",
            "your",
            "we",
        };
        QSet<QString> out;
        for (const char *word : list)
            out.insert(QString::fromLatin1(word));
        // "ready" is kept for retrieval: it is how customers ask about stock.
        out.remove(QStringLiteral("ready"));
        return out;
    }();
    return set;
}

// Words that only look prefixed: stripping "di", "me", "pe" would turn them into others.
const QSet<QString> &unprefixed()
{
    static const QSet<QString> set{
        QStringLiteral("diskon"),  QStringLiteral("dingin"),    QStringLiteral("merah"),
        QStringLiteral("member"),  QStringLiteral("minta"),     QStringLiteral("menit"),
        QStringLiteral("pesan"),   QStringLiteral("perak"),     QStringLiteral("meter"),
        QStringLiteral("mesin"),   QStringLiteral("terima"),    QStringLiteral("teman"),
        QStringLiteral("bersih"),  QStringLiteral("model"),     QStringLiteral("motif"),
        QStringLiteral("pemilik"), QStringLiteral("pelanggan"), QStringLiteral("dimana"),
    };
    return set;
}

bool isVowel(QChar c)
{
    return c == QLatin1Char('a') || c == QLatin1Char('e') || c == QLatin1Char('i') ||
           c == QLatin1Char('o') || c == QLatin1Char('u');
}

QChar charAt(const QString &text, qsizetype i)
{
    return i < text.size() ? text.at(i) : QChar();
}

bool stripSuffix(QString &word, const QString &suffix, int minRest)
{
    if (word.size() - suffix.size() >= minRest && word.endsWith(suffix)) {
        word.chop(suffix.size());
        return true;
    }
    return false;
}

// me-/pe- with the nasal that replaced the stem's first consonant.
bool stripNasalPrefix(QString &word, QChar head)
{
    if (!word.startsWith(head) || word.size() < 5 || word.at(1) != QLatin1Char('e'))
        return false;
    const QString rest = word.mid(2);
    auto restore = [&](int length, QChar consonant) {
        const QString stemmed = rest.mid(length);
        if (stemmed.size() < 3)
            return false;
        word = consonant.isNull() ? stemmed : QString(consonant) + stemmed;
        return true;
    };
    if (rest.startsWith(QLatin1String("ng")))
        return restore(2, isVowel(charAt(rest, 2)) ? QLatin1Char('k') : QChar());
    if (rest.startsWith(QLatin1String("ny")))
        return restore(2, QLatin1Char('s'));
    if (rest.startsWith(QLatin1Char('m')))
        return restore(1, isVowel(charAt(rest, 1)) ? QLatin1Char('p') : QChar());
    if (rest.startsWith(QLatin1Char('n')))
        return restore(1, isVowel(charAt(rest, 1)) ? QLatin1Char('t') : QChar());
    if (rest.startsWith(QLatin1Char('r')) || rest.startsWith(QLatin1Char('l')) ||
        rest.startsWith(QLatin1Char('w')) || rest.startsWith(QLatin1Char('y')))
        return restore(0, QChar());
    return false;
}

} // namespace

QString fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString out;
    out.reserve(decomposed.size());
    QChar last;
    int run = 0;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        const QChar mapped = c.isLetterOrNumber() ? c : QLatin1Char(' ');
        run = mapped == last ? run + 1 : 1;
        last = mapped;
        if ((mapped.isLetter() && run >= 3) || (mapped == QLatin1Char(' ') && run >= 2))
            continue;
        out.append(mapped);
    }
    // "kaaak" -> "kak": a letter held three or more times was typed for emphasis.
    return out.trimmed();
}

QStringList words(const QString &text)
{
    QStringList out;
    const QStringList raw = fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString word : raw) {
        // "barang2", "hati2": reduplication written with a digit.
        if (word.size() > 2 && word.endsWith(QLatin1Char('2')) && word.at(0).isLetter())
            word.chop(1);
        const auto expansion = slang().constFind(word);
        if (expansion != slang().constEnd())
            out.append(expansion->split(QLatin1Char(' ')));
        else
            out.append(word);
    }
    return out;
}

QString stem(const QString &input)
{
    QString word = input;
    if (word.size() < 4 || !word.at(0).isLetter() || unprefixed().contains(word))
        return word;
    for (const char *particle : {"lah", "kah", "pun"}) {
        if (stripSuffix(word, QString::fromLatin1(particle), 4))
            break;
    }
    for (const char *possessive : {"nya", "ku", "mu"}) {
        if (stripSuffix(word, QString::fromLatin1(possessive), 4))
            break;
    }
    // -i is left alone: stripping it breaks far more stems ("kembali", "sampai") than it joins.
    if (!stripSuffix(word, QStringLiteral("kan"), 4))
        stripSuffix(word, QStringLiteral("an"), 4);
    if (unprefixed().contains(word))
        return word;

    const QString before = word;
    if (word.startsWith(QLatin1String("di")) && word.size() >= 6)
        word = word.mid(2);
    else if (word.startsWith(QLatin1String("ber")) && word.size() >= 7)
        word = word.mid(3);
    else if (word.startsWith(QLatin1String("ter")) && word.size() >= 7)
        word = word.mid(3);
    else if (!stripNasalPrefix(word, QLatin1Char('m')) &&
             !stripNasalPrefix(word, QLatin1Char('p'))) {
        // memper-/diper-/per- before a stem: "memperbaiki" -> "baik"
        if (word.startsWith(QLatin1String("per")) && word.size() >= 7)
            word = word.mid(3);
        else if ((word.startsWith(QLatin1String("me")) || word.startsWith(QLatin1String("pe"))) &&
                 word.size() >= 6 && !isVowel(word.at(2)))
            word = word.mid(2);
    }
    if (word != before && word.startsWith(QLatin1String("per")) && word.size() >= 7)
        word = word.mid(3);
    return word;
}

bool isStopWord(const QString &word)
{
    return stopWords().contains(word);
}

QStringList terms(const QString &text)
{
    QStringList out;
    const QStringList all = words(text);
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString &word = all.at(i);
        if (isStopWord(word) || word.size() < 2)
            continue;
        // "selamat pagi": a greeting. The time of day is kept otherwise ("dokter yang sore").
        if (i > 0 && all.at(i - 1) == QLatin1String("selamat") &&
            (word == QLatin1String("pagi") || word == QLatin1String("siang") ||
             word == QLatin1String("sore") || word == QLatin1String("malam")))
            continue;
        bool number = false;
        word.toLongLong(&number);
        if (number)
            continue;
        out.append(stem(word));
    }
    return out;
}

} // namespace Serambi::Relay::TextNormalizer
