#include "protocol/interactivelimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Serambi::Protocol;
using Kind = LimitProblem::Kind;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonObject button(const QString &id, const QString &title)
{
    return {{QStringLiteral("type"), QStringLiteral("reply")},
            {QStringLiteral("reply"),
             QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("title"), title}}}};
}

QJsonObject buttons(const QJsonArray &list)
{
    return {
        {QStringLiteral("type"), QStringLiteral("button")},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Pilih")}}},
        {QStringLiteral("action"), QJsonObject{{QStringLiteral("buttons"), list}}}};
}

QJsonObject listWithRows(int sections, int rowsPerSection)
{
    QJsonArray sectionArray;
    for (int s = 0; s < sections; ++s) {
        QJsonArray rows;
        for (int r = 0; r < rowsPerSection; ++r) {
            rows.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("r%1_%2").arg(s).arg(r)},
                                    {QStringLiteral("title"), QStringLiteral("Baris %1").arg(r)}});
        }
        sectionArray.append(
            QJsonObject{{QStringLiteral("title"), QStringLiteral("Bagian %1").arg(s)},
                        {QStringLiteral("rows"), rows}});
    }
    return {
        {QStringLiteral("type"), QStringLiteral("list")},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Pilih")}}},
        {QStringLiteral("action"), QJsonObject{{QStringLiteral("button"), QStringLiteral("Opsi")},
                                               {QStringLiteral("sections"), sectionArray}}}};
}

const char *const Fixture0 =
    R"json({"type":"button","header":{"type":"text","text":"Delivery slot"},
            "body":{"text":"Shall we keep Tuesday 9:00?"},"footer":{"text":"Reply with a button"},
            "action":{"buttons":[{"type":"reply","reply":{"id":"keep_slot","title":"Keep"}},
                                 {"type":"reply","reply":{"id":"move_slot","title":"Change"}}]}})json";
const char *const Fixture1 = R"json({"type":"list","header":{"type":"text","text":"Shipping"},
            "body":{"text":"Pick a shipping option"},"footer":{"text":"Prices incl. VAT"},
            "action":{"button":"Options","sections":[
              {"title":"Fast","rows":[{"id":"ship_express","title":"Express","description":"1-2 days"}]},
              {"title":"Cheap","rows":[{"id":"ship_ground","title":"Ground","description":"3-5 days"}]}]}})json";
const char *const Fixture2 = R"json({"type":"cta_url","body":{"text":"Tap below"},
            "action":{"name":"cta_url","parameters":{"display_text":"Open portal","url":"https://example.com/inv/123"}}})json";
const char *const Fixture3 = R"json({"type":"list","header":{"type":"image","image":{"id":"1"}},
            "body":{"text":"Pilih"},"action":{"button":"Lihat pilihan ongkirnya",
            "sections":[{"title":"Pengiriman cepat sampai besok","rows":[
              {"id":"x","title":"Reguler","description":"Estimasi tiga sampai lima hari kerja untuk seluruh wilayah Jawa dan Bali ya"},
              {"id":"x","title":"Kargo ekonomi untuk barang besar"}]}]}})json";
const char *const Fixture4 = R"json({"type":"cta_url","body":{"text":"Buka"},
            "action":{"name":"cta_url","parameters":{"display_text":"Buka portal pelanggan kami",
            "url":"javascript:alert(1)"}}})json";
const char *const Fixture5 = R"json({"type":"flow","body":{"text":"x"}})json";
const char *const Fixture6 = R"json({"type":"button","body":{"text":7},
            "action":{"buttons":[{"type":"reply","reply":{"id":["a"],"title":"Ya"}}]}})json";

} // namespace

class TestInteractiveLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceExamplesPass()
    {
        // The shapes of whatsapp-cloud-api.md §8.3.
        QCOMPARE(checkInteractive(parse(Fixture0)), QList<LimitProblem>{});
        QCOMPARE(checkInteractive(parse(Fixture1)), QList<LimitProblem>{});
        QCOMPARE(checkInteractive(parse(Fixture2)), QList<LimitProblem>{});
    }

    void buttonTitleCountsCharactersNotBytes()
    {
        // 20 characters with an emoji outside the BMP pass; 21 do not.
        const QString twenty = QStringLiteral("Kirim sekarang 🚚 yuk");
        QCOMPARE(characterCount(twenty), 20);
        QVERIFY(checkInteractive(buttons({button(QStringLiteral("a"), twenty)})).isEmpty());
        const QList<LimitProblem> problems =
            checkInteractive(buttons({button(QStringLiteral("a"), twenty + QLatin1Char('!'))}));
        QCOMPARE(problems, (QList<LimitProblem>{{QStringLiteral("action.buttons[0].reply.title"),
                                                 Kind::TooLong, 20}}));
        QCOMPARE(problems.first().describe(),
                 QStringLiteral("action.buttons[0].reply.title: at most 20 characters"));
    }

    void buttonProblemsAreAllReported()
    {
        const QJsonObject tooMany = buttons({button(QStringLiteral("a"), QStringLiteral("Ya")),
                                             button(QStringLiteral("a"), QStringLiteral("Tidak")),
                                             button(QStringLiteral("c"), QStringLiteral("Ya")),
                                             button(QStringLiteral("d"), QString())});
        QCOMPARE(checkInteractive(tooMany),
                 (QList<LimitProblem>{
                     {QStringLiteral("action.buttons"), Kind::TooMany, 3},
                     {QStringLiteral("action.buttons[1].reply.id"), Kind::Duplicate, 0},
                     {QStringLiteral("action.buttons[2].reply.title"), Kind::Duplicate, 0},
                     {QStringLiteral("action.buttons[3].reply.title"), Kind::Missing, 0}}));
        QCOMPARE(checkInteractive(buttons({})),
                 (QList<LimitProblem>{{QStringLiteral("action.buttons"), Kind::Missing, 0}}));
    }

    void bodyHeaderAndFooterLimits()
    {
        QJsonObject message = buttons({button(QStringLiteral("a"), QStringLiteral("Ya"))});
        message.insert(QStringLiteral("body"),
                       QJsonObject{{QStringLiteral("text"), QString(1025, QLatin1Char('x'))}});
        message.insert(QStringLiteral("footer"),
                       QJsonObject{{QStringLiteral("text"), QString(61, QLatin1Char('x'))}});
        message.insert(QStringLiteral("header"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                   {QStringLiteral("text"), QString(61, QLatin1Char('x'))}});
        QCOMPARE(checkInteractive(message),
                 (QList<LimitProblem>{{QStringLiteral("header.text"), Kind::TooLong, 60},
                                      {QStringLiteral("body.text"), Kind::TooLong, 1024},
                                      {QStringLiteral("footer.text"), Kind::TooLong, 60}}));
        message.insert(QStringLiteral("body"),
                       QJsonObject{{QStringLiteral("text"), QStringLiteral("  ")}});
        QVERIFY(checkInteractive(message).contains(
            LimitProblem{QStringLiteral("body.text"), Kind::Missing, 0}));
    }

    void listRowsAreCountedAcrossSections()
    {
        QVERIFY(checkInteractive(listWithRows(2, 5)).isEmpty());
        QCOMPARE(checkInteractive(listWithRows(3, 4)),
                 (QList<LimitProblem>{{QStringLiteral("action.sections"), Kind::TooMany, 10}}));
        QVERIFY(checkInteractive(listWithRows(11, 0))
                    .contains(LimitProblem{QStringLiteral("action.sections"), Kind::TooMany, 10}));
    }

    void listFieldLimits()
    {
        QJsonObject message = parse(Fixture3);
        QCOMPARE(checkInteractive(message),
                 (QList<LimitProblem>{
                     {QStringLiteral("header.type"), Kind::Invalid, 0},
                     {QStringLiteral("action.button"), Kind::TooLong, 20},
                     {QStringLiteral("action.sections[0].title"), Kind::TooLong, 24},
                     {QStringLiteral("action.sections[0].rows[0].description"), Kind::TooLong, 72},
                     {QStringLiteral("action.sections[0].rows[1].id"), Kind::Duplicate, 0},
                     {QStringLiteral("action.sections[0].rows[1].title"), Kind::TooLong, 24}}));
    }

    void ctaUrlNeedsAWebAddress()
    {
        const QJsonObject message = parse(Fixture4);
        QCOMPARE(checkInteractive(message),
                 (QList<LimitProblem>{
                     {QStringLiteral("action.parameters.display_text"), Kind::TooLong, 20},
                     {QStringLiteral("action.parameters.url"), Kind::Invalid, 0}}));
    }

    void otherTypesAreRefused()
    {
        QCOMPARE(checkInteractive(parse(Fixture5)),
                 (QList<LimitProblem>{{QStringLiteral("type"), Kind::Invalid, 0}}));
        QCOMPARE(checkInteractive(QJsonObject{}),
                 (QList<LimitProblem>{{QStringLiteral("type"), Kind::Invalid, 0}}));
    }

    void wrongJsonTypesAreInvalidNotCrashes()
    {
        const QJsonObject message = parse(Fixture6);
        QCOMPARE(checkInteractive(message),
                 (QList<LimitProblem>{
                     {QStringLiteral("body.text"), Kind::Invalid, 0},
                     {QStringLiteral("action.buttons[0].reply.id"), Kind::Invalid, 0}}));
    }
};

QTEST_APPLESS_MAIN(TestInteractiveLimits)
#include "tst_interactivelimits.moc"
