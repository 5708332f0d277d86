// serambi: the desktop console. Builds the object graph once: settings and language, relay
// client, credential store, controller, main window.
#include "app/consolecontroller.h"
#include "app/conversationlistmodel.h"
#include "app/keychaincredentialstore.h"
#include "app/memorycredentialstore.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "ui/appicon.h"
#include "ui/consolesettings.h"
#include "ui/darkpalette.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStyle>
#include <QStyleFactory>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Serambi;

namespace {

QString readPasswordFromStdin()
{
    QTextStream in(stdin);
    return in.readLine();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Serambi"));
    QApplication::setApplicationName(QStringLiteral("serambi"));
    QApplication::setApplicationDisplayName(QStringLiteral("Serambi"));
    QApplication::setApplicationVersion(QStringLiteral(SERAMBI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(SERAMBI_DESKTOP_FILE_ID));
    QApplication::setWindowIcon(Ui::appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serambi: the WhatsApp agent console for human handoff."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption relayOption(QStringLiteral("relay"),
                                         QStringLiteral("Relay address, e.g. "
                                                        "ws://127.0.0.1:8090/agents."),
                                         QStringLiteral("url"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        QStringLiteral("Username to sign in with."),
                                        QStringLiteral("name"));
    const QCommandLineOption passwordStdinOption(
        QStringLiteral("password-stdin"),
        QStringLiteral("Read the password from the first line of standard input and sign in at "
                       "start. The session is then kept only until the console quits."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("Interface language for this run: id or "
                                                       "en."),
                                        QStringLiteral("id|en"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Open the chat that most needs attention, save the main window to FILE "
                       "after --screenshot-delay milliseconds and quit."),
        QStringLiteral("file"));
    const QCommandLineOption delayOption(QStringLiteral("screenshot-delay"),
                                         QStringLiteral("Milliseconds before the screenshot "
                                                        "(default 6000)."),
                                         QStringLiteral("ms"), QStringLiteral("6000"));
    QCommandLineOption themeOption(QStringLiteral("theme"),
                                   QStringLiteral("light or dark with the Fusion style, instead "
                                                  "of the system theme."),
                                   QStringLiteral("light|dark"));
    themeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // For scripts/screenshots.sh: the chat to show instead of the one most needing attention.
    QCommandLineOption screenshotChatOption(QStringLiteral("screenshot-chat"),
                                            QStringLiteral("The customer's chat to open for "
                                                           "--screenshot."),
                                            QStringLiteral("wa_id"));
    screenshotChatOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                     QStringLiteral("Directory for the local cache."),
                                     QStringLiteral("dir"));
    dataDirOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({relayOption, userOption, passwordStdinOption, langOption, screenshotOption,
                       delayOption, themeOption, screenshotChatOption, dataDirOption});
    parser.process(app);

    const QString theme = parser.value(themeOption);
    if (!theme.isEmpty()) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(theme == QLatin1String("dark")
                                     ? Ui::darkPalette()
                                     : QApplication::style()->standardPalette());
    }

    Ui::ConsoleSettings settings;
    Ui::LanguageSwitcher language;
    const QString lang = parser.value(langOption);
    if (!lang.isEmpty() && lang != QLatin1String("id") && lang != QLatin1String("en")) {
        std::fprintf(stderr, "serambi: --lang takes id or en\n");
        return 2;
    }
    language.apply(lang.isEmpty() ? settings.language() : lang);

    const bool passwordFromStdin = parser.isSet(passwordStdinOption);
    if (passwordFromStdin && (!parser.isSet(userOption) || !parser.isSet(relayOption))) {
        std::fprintf(stderr, "serambi: --password-stdin needs --relay and --user\n");
        return 2;
    }
    // A password given on standard input is for this run only (the demo, the screenshots):
    // its session token is not written to the user's keychain.
    std::unique_ptr<App::CredentialStore> credentials;
    if (passwordFromStdin)
        credentials = std::make_unique<App::MemoryCredentialStore>();
    else
        credentials = std::make_unique<App::KeychainCredentialStore>();

    App::RelayClient relay;
    App::ConsoleOptions options;
    options.dataDirectory = parser.value(dataDirOption);
    App::ConsoleController controller(&relay, credentials.get(), options);
    App::Session *session = controller.session();
    // --relay and --user choose the relay and user to sign in to (and the form's values).
    if (!passwordFromStdin && (parser.isSet(relayOption) || parser.isSet(userOption))) {
        session->remember(
            parser.isSet(relayOption) ? QUrl(parser.value(relayOption)) : session->lastRelayUrl(),
            parser.isSet(userOption) ? parser.value(userOption) : session->lastUsername());
    }
    Ui::MainWindow window(&controller, &settings, &language);

    if (passwordFromStdin) {
        const QString password = readPasswordFromStdin();
        window.show();
        session->signIn(QUrl(parser.value(relayOption)), parser.value(userOption), password);
    } else {
        window.start();
    }

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const int delay = qMax(500, parser.value(delayOption).toInt());
        const QString chat = parser.value(screenshotChatOption);
        QTimer::singleShot(delay / 2, &window, [&window, &controller, chat] {
            const qint64 id = controller.conversationList()->idOfCustomer(chat);
            if (id != 0)
                window.openConversation(id);
            else
                window.openNextNeedingAttention();
        });
        QTimer::singleShot(delay, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            if (!saved)
                std::fprintf(stderr, "serambi: could not write %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
