// serambi-chatview-bench: the chat widget with a long conversation loaded (issue 10, "the
// console"). Puts N messages (default 5,000) into the open chat's model, shows the real
// ConversationView, and measures the time to the first painted frame, to the frame after a
// width change (every bubble's height depends on the width), and per scroll step while
// scrolling from the newest message to the oldest. Run it under Xvfb (or
// QT_QPA_PLATFORM=offscreen) with a Release build; docs/performance.md has the figures.
#include "app/mediacache.h"
#include "app/messagelistmodel.h"
#include "ui/conversationview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEvent>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Serambi;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

App::Message makeMessage(qint64 id, int index)
{
    static const QStringList texts{
        QStringLiteral("Halo kak, paket saya belum sampai, nomor resinya JNE 0123456789"),
        QStringLiteral("Baik kak, kami cek dulu ya 🙏"),
        QStringLiteral("Ongkir ke Bandung berapa ya? Saya mau pesan dua, yang hitam ukuran L "
                       "dan yang putih ukuran M, kalau bisa dikirim hari ini juga."),
        QStringLiteral("Terima kasih banyak kak"),
        QStringLiteral("Apakah barangnya ready warna hitam ukuran L?")};
    App::Message m;
    m.id = id;
    m.conversationId = 7;
    const bool in = index % 2 == 0;
    m.wamid = QStringLiteral("wamid.bench%1").arg(id);
    m.direction = in ? Protocol::Direction::In : Protocol::Direction::Out;
    m.type = QStringLiteral("text");
    m.text = texts.at(index % texts.size());
    m.status = in ? QStringLiteral("received") : QStringLiteral("read");
    m.sender = in ? QStringLiteral("customer") : QStringLiteral("agent");
    m.senderName = in ? QString() : QStringLiteral("Agen Bench");
    m.timestamp = 1764200000000 + id * 60000;
    return m;
}

// Counts the viewport's paint events, so a measurement can wait for the next frame.
class PaintCounter : public QObject
{
public:
    int frames = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++frames;
        return QObject::eventFilter(watched, event);
    }
};

// Milliseconds until the viewport has painted a frame after the change made by `change`.
qint64 timeToFrame(PaintCounter &counter, const std::function<void()> &change)
{
    const int before = counter.frames;
    QElapsedTimer timer;
    timer.start();
    change();
    while (counter.frames == before && timer.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    return timer.elapsed();
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype at = qMin(values.size() - 1, qsizetype(p * double(values.size() - 1) + 0.5));
    return values.at(at);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
                                            QStringLiteral("Messages in the chat."),
                                            QStringLiteral("N"), QStringLiteral("5000"));
    parser.addOption(messagesOption);
    parser.process(app);
    const int count = qMax(1, parser.value(messagesOption).toInt());

    QTemporaryDir mediaDir;
    App::MediaCache media(mediaDir.path());
    App::MessageListModel model;
    model.setConversation(7);
    App::MessageList messages;
    messages.reserve(count);
    for (int i = 0; i < count; ++i)
        messages.append(makeMessage(i + 1, i));
    model.mergeMessages(messages);
    model.setReachedStart(true);

    Ui::ConversationView view(&model, &media);
    PaintCounter counter;
    view.viewport()->installEventFilter(&counter);
    view.resize(900, 700);

    const qint64 firstFrame = timeToFrame(counter, [&] { view.show(); });
    // Let the delayed layout and the scroll to the newest message settle.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    const qint64 resized = timeToFrame(counter, [&] { view.resize(860, 700); });
    settle.restart();
    while (settle.elapsed() < 300)
        QApplication::processEvents(QEventLoop::AllEvents, 5);

    // Scroll from the bottom to the top in steps of a third of the viewport, one frame each.
    QScrollBar *bar = view.verticalScrollBar();
    bar->setValue(bar->maximum());
    QList<double> frames;
    const int step = qMax(1, view.viewport()->height() / 3);
    QElapsedTimer frame;
    while (bar->value() > bar->minimum()) {
        frame.start();
        bar->setValue(bar->value() - step);
        view.viewport()->repaint();
        frames.append(double(frame.nsecsElapsed()) / 1e6);
    }

    out() << "chat of " << count << " messages, " << view.width() << "x" << view.height() << " ("
          << QApplication::platformName() << ")\n"
          << "first frame after show: " << firstFrame << " ms\n"
          << "frame after a width change: " << resized << " ms\n"
          << "scroll frames: " << frames.size() << ", median "
          << QString::number(percentile(frames, 0.5), 'f', 2) << " ms, p95 "
          << QString::number(percentile(frames, 0.95), 'f', 2) << " ms, max "
          << QString::number(percentile(frames, 1.0), 'f', 2) << " ms\n";
    out().flush();
    return 0;
}
