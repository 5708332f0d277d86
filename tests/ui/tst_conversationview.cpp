// The chat view with a long conversation: it lays out only the newest bubbles, shows older
// ones as the agent scrolls up without moving what they are reading, finds an old quoted
// message, and goes back to the newest window when the agent returns to the bottom.
#include "app/mediacache.h"
#include "app/messagelistmodel.h"
#include "ui/conversationview.h"

#include <QApplication>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi;
using Ui::HistoryProxy;

namespace {
constexpr int ChatLength = 1000;

App::Message message(qint64 id)
{
    App::Message m;
    m.id = id;
    m.conversationId = 7;
    m.wamid = QStringLiteral("wamid.%1").arg(id);
    m.direction = id % 2 ? Protocol::Direction::In : Protocol::Direction::Out;
    m.type = QStringLiteral("text");
    m.text = QStringLiteral("Pesan nomor %1").arg(id);
    m.status = id % 2 ? QStringLiteral("received") : QStringLiteral("read");
    m.sender = id % 2 ? QStringLiteral("customer") : QStringLiteral("agent");
    m.timestamp = 1764200000000 + id * 60000;
    return m;
}

qint64 idAtRow(const QAbstractItemModel *model, int row)
{
    return model->index(row, 0).data(App::MessageListModel::IdRole).toLongLong();
}
} // namespace

class TestConversationView : public QObject
{
    Q_OBJECT

private:
    void openLongChat()
    {
        m_messages.emplace();
        m_messages->setConversation(7);
        App::MessageList all;
        for (qint64 id = 1; id <= ChatLength; ++id)
            all.append(message(id));
        m_messages->mergeMessages(all);
        m_messages->setReachedStart(true);
        m_view.emplace(&*m_messages, &*m_media);
        m_view->resize(600, 500);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(&*m_view));
        QTRY_VERIFY(m_view->verticalScrollBar()->value() == m_view->verticalScrollBar()->maximum());
    }

private Q_SLOTS:
    void init() { m_media.emplace(m_dir.path()); }

    void cleanup()
    {
        m_view.reset();
        m_messages.reset();
        m_media.reset();
    }

    void shouldLayOutOnlyTheNewestMessagesOfALongChat()
    {
        openLongChat();
        const QAbstractItemModel *shown = m_view->model();
        QCOMPARE(shown->rowCount(), HistoryProxy::Window);
        QCOMPARE(idAtRow(shown, shown->rowCount() - 1), qint64(ChatLength));
        QCOMPARE(idAtRow(shown, 0), qint64(ChatLength - HistoryProxy::Window + 1));
        // A message arriving now is shown at once.
        m_messages->mergeMessages({message(ChatLength + 1)});
        QCOMPARE(idAtRow(shown, shown->rowCount() - 1), qint64(ChatLength + 1));
    }

    void shouldShowOlderMessagesAtTheTopWithoutMovingWhatIsRead()
    {
        openLongChat();
        const QAbstractItemModel *shown = m_view->model();
        QScrollBar *bar = m_view->verticalScrollBar();
        // Read the oldest shown message, then reach the top.
        const qint64 reading = idAtRow(shown, 0);
        bar->setValue(bar->minimum());
        QTRY_COMPARE(shown->rowCount(), HistoryProxy::Window + HistoryProxy::Step);
        const QModelIndex top = m_view->indexAt(QPoint(10, 2));
        QVERIFY(top.isValid());
        QCOMPARE(idAtRow(shown, top.row()), reading);
        // All the way up: every loaded message, the first one first.
        while (shown->rowCount() < ChatLength) {
            const int before = shown->rowCount();
            bar->setValue(bar->minimum());
            QTRY_VERIFY(shown->rowCount() > before);
        }
        QCOMPARE(idAtRow(shown, 0), qint64(1));
    }

    void shouldFindAnOldQuotedMessageOutsideTheWindow()
    {
        openLongChat();
        QVERIFY(m_view->showMessage(QStringLiteral("wamid.412")));
        QCOMPARE(m_view->selectedWamid(), QStringLiteral("wamid.412"));
        QTest::qWait(50); // a scroll to the bottom would come in a later turn
        QVERIFY(m_view->viewport()->rect().intersects(m_view->visualRect(m_view->currentIndex())));
        QVERIFY(m_view->model()->rowCount() < ChatLength); // not the whole chat for it
        QVERIFY(m_view->showMessage(QStringLiteral("wamid.3")));
        QTest::qWait(50);
        QVERIFY(m_view->viewport()->rect().intersects(m_view->visualRect(m_view->currentIndex())));
        QVERIFY(!m_view->showMessage(QStringLiteral("wamid.never")));
    }

    void shouldGoBackToTheNewestWindowAtTheBottom()
    {
        openLongChat();
        const QAbstractItemModel *shown = m_view->model();
        QScrollBar *bar = m_view->verticalScrollBar();
        for (int i = 0; i < 3; ++i) {
            const int before = shown->rowCount();
            bar->setValue(bar->minimum());
            QTRY_VERIFY(shown->rowCount() > before);
        }
        QVERIFY(shown->rowCount() > HistoryProxy::Window + HistoryProxy::Step);
        bar->setValue(bar->maximum());
        QTRY_COMPARE(shown->rowCount(), HistoryProxy::Window);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QCOMPARE(idAtRow(shown, shown->rowCount() - 1), qint64(ChatLength));
    }

private:
    QTemporaryDir m_dir;
    std::optional<App::MediaCache> m_media;
    std::optional<App::MessageListModel> m_messages;
    std::optional<Ui::ConversationView> m_view;
};

QTEST_MAIN(TestConversationView)
#include "tst_conversationview.moc"
