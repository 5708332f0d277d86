#include "webhookfactory.h"

#include "whatsapp/signature.h"

#include <QDateTime>

#include <array>

namespace Serambi::Bench {

namespace {

// Customer names and messages as Meta would deliver them: already JSON-escaped ASCII.
constexpr std::array FirstNames{
    "Siti",  "Budi", "Dewi", "Agus",   "Rina",  "Andi",  "Putri", "Joko",  "Nur",        "Rizky",
    "Wahyu", "Sri",  "Made", "Ni Luh", "Fajar", "Indah", "Yusuf", "Ratna", "Ren\\u00e9", "Eko",
};
constexpr std::array LastNames{
    "Rahayu", "Santoso",  "Lestari", "Setiawan", "Wulandari", "Pratama", "Maharani", "Susilo",
    "Aisyah", "Ramadhan", "Hidayat", "Mulyani",  "Wirawan",   "Nugroho", "Permata",
};
constexpr std::array Texts{
    "Halo kak, pesanan saya #%1 belum sampai. Bisa dicek? \\ud83d\\ude4f",
    "Selamat pagi, apakah produk ini masih ready stok?",
    "Kak, saya sudah transfer Rp 250.000 tadi pagi \\u2014 mohon dikonfirmasi ya",
    "Paketnya kok belum dikirim ya? Sudah 3 hari \\ud83d\\ude2d",
    "Terima kasih banyak kak, barangnya sudah diterima dengan baik \\ud83d\\udc4d",
    "Bisa minta nomor resi untuk pesanan #%1?",
    "Apakah bisa COD ke Bandung? Ongkirnya berapa?",
    "Saya mau tukar ukuran, bajunya kekecilan\\u2026 caranya bagaimana?",
    "Min, kapan promo 12.12 mulai? \\ud83c\\udf89\\ud83c\\udf89",
    "Tolong sambungkan ke CS manusia, bot-nya nggak ngerti \\ud83d\\ude05",
    "Alamat pengiriman saya ganti ke Jl. Merdeka No. 17, Yogyakarta ya kak",
    "Caf\\u00e9 di toko Jakarta buka jam berapa hari Minggu?",
};

QByteArray customerPhone(int customer)
{
    return QByteArray::number(6281200000000LL + qint64(customer) * 7919);
}

} // namespace

WebhookFactory::WebhookFactory(QByteArray appSecret, QByteArray phoneNumberId, int customers,
                               quint32 runId)
    : m_appSecret(std::move(appSecret))
    , m_phoneNumberId(std::move(phoneNumberId))
    , m_customers(qMax(1, customers))
    , m_runTag(QByteArray::number(runId, 16).rightJustified(8, '0'))
{}

WebhookFactory::Webhook WebhookFactory::make(quint64 seq, qint64 sentNs) const
{
    // A multiplicative hash spreads consecutive webhooks over customers and texts.
    const quint64 mixed = seq * 0x9E3779B97F4A7C15ULL;
    const int customer = int((mixed >> 20) % quint64(m_customers));
    const QByteArray phone = customerPhone(customer);
    const QByteArray name =
        QByteArray(FirstNames[std::size_t(customer) % FirstNames.size()]) + ' ' +
        LastNames[(std::size_t(customer) / FirstNames.size()) % LastNames.size()];
    QByteArray text = Texts[(mixed >> 40) % Texts.size()];
    text.replace("%1", QByteArray::number(100000 + seq % 900000));
    const QByteArray wamid = "wamid.HBgN" + phone.toBase64(QByteArray::OmitTrailingEquals) +
                             "FQIAEhgg" + m_runTag + 'x' + QByteArray::number(seq, 16) + 'x' +
                             QByteArray::number(sentNs, 16);
    const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());

    QByteArray body;
    body.reserve(900);
    body += R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[)"
            R"({"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":)"
            R"("6281100000000","phone_number_id":")";
    body += m_phoneNumberId;
    body += R"("},"contacts":[{"profile":{"name":")";
    body += name;
    body += R"("},"wa_id":")";
    body += phone;
    body += R"("}],"messages":[{"from":")";
    body += phone;
    body += R"(","id":")";
    body += wamid;
    body += R"(","timestamp":")";
    body += timestamp;
    body += R"(","text":{"body":")";
    body += text;
    body += R"("},"type":"text"}]},"field":"messages"}]}]})";
    return {body, Relay::webhookSignature(body, m_appSecret)};
}

bool WebhookFactory::parseWamid(QStringView wamid, quint32 runId, quint64 *seq, qint64 *sentNs)
{
    const qsizetype timeMark = wamid.lastIndexOf(QLatin1Char('x'));
    if (timeMark <= 0)
        return false;
    const qsizetype seqMark = wamid.left(timeMark).lastIndexOf(QLatin1Char('x'));
    if (seqMark < 8)
        return false;
    bool runOk = false;
    if (wamid.mid(seqMark - 8, 8).toUInt(&runOk, 16) != runId || !runOk)
        return false;
    bool seqOk = false;
    bool timeOk = false;
    *seq = wamid.mid(seqMark + 1, timeMark - seqMark - 1).toULongLong(&seqOk, 16);
    *sentNs = wamid.mid(timeMark + 1).toLongLong(&timeOk, 16);
    return seqOk && timeOk;
}

} // namespace Serambi::Bench
