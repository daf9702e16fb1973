#include "app/AppCore.h"
#include "app/store/AccessStore.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "tests/support/TestKeychain.h"
#include "ui/access/AccessPage.h"
#include "ui/access/LocalKeyModel.h"
#include "ui/access/TokenDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The Access page on a real app core and keychain: a token shown once and only in its dialog,
// shown again on request, revoked; members and workspaces added with clear refusals.
class TestAccessPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<AppCore> m_core;
    std::unique_ptr<AccessPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    TokenDialog* openDialog() const
    {
        (void)QTest::qWaitFor([this] { return m_page->findChild<TokenDialog*>() != nullptr; });
        return m_page->findChild<TokenDialog*>();
    }
    static void answerYesToTheNextQuestion()
    {
        QTimer::singleShot(0, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
    }
    QString allCells() const
    {
        QString text;
        const LocalKeyModel& model = m_page->model();
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int column = 0; column < model.columnCount(); ++column)
                text += model.index(row, column).data().toString() + u'|';
        }
        return text;
    }

private slots:
    void initTestCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("access.db"));
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(path));
        QVERIFY(m_store->settings().setValue(QStringLiteral("port"), QStringLiteral("0")));
        m_core = std::make_unique<AppCore>(path);
        m_page = std::make_unique<AccessPage>(*m_core);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            &m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_page->setRouterAddress(QStringLiteral("http://127.0.0.1:4141"));
        m_page->show();
        QSignalSpy started(m_core.get(), &AppCore::started);
        m_core->start();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 15000);
    }
    void cleanupTestCase()
    {
        m_tester.reset();
        m_page.reset();
        m_core.reset();
        m_store.reset();
    }

    void showsANewTokenOnceWithSnippets()
    {
        m_page->createToken();
        TokenDialog* dialog = openDialog();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("laptop"));
        const auto buttons = dialog->findChildren<QPushButton*>();
        const auto create = std::find_if(buttons.begin(), buttons.end(),
            [](QPushButton* button) { return button->text() == u"C&reate"; });
        QVERIFY(create != buttons.end());
        (*create)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->shownToken().isEmpty(), 15000);
        const QString token = dialog->shownToken();
        QVERIFY(token.startsWith(u"kw-"));
        QVERIFY(dialog->snippet(0).contains(u"base_url=\"http://127.0.0.1:4141/v1\""));
        QVERIFY(dialog->snippet(0).contains(token));
        QVERIFY(dialog->snippet(3).contains(u"ANTHROPIC_BASE_URL=http://127.0.0.1:4141"));

        QTRY_COMPARE(m_page->model().rowCount(), 1);
        const LocalApiKey stored = m_store->access().localKeys()->constFirst();
        QCOMPARE(stored.name, QStringLiteral("laptop"));
        QCOMPARE(TestKeychain::secret(stored.secretRef), token);
        QVERIFY(!allCells().contains(token)); // the table shows the masked form only
        QVERIFY(allCells().contains(stored.tokenHint));
        dialog->close();
        QTRY_VERIFY(m_page->findChild<TokenDialog*>() == nullptr); // gone with the token

        m_page->showToken(stored.id);
        TokenDialog* again = openDialog();
        QVERIFY(again);
        QTRY_COMPARE_WITH_TIMEOUT(again->shownToken(), token, 15000);
        again->close();
    }

    void revokesAfterAsking()
    {
        QTRY_VERIFY(m_page->model().rowCount() >= 1);
        auto* table = m_page->findChild<QTableView*>(QStringLiteral("localKeys"));
        table->setCurrentIndex(m_page->model().index(0, 0));
        const LocalApiKey before = m_store->access().localKeys()->constFirst();
        answerYesToTheNextQuestion();
        m_page->revokeSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_page->model().index(0, LocalKeyModel::State).data().toString(),
            QStringLiteral("revoked"), 15000);
        QVERIFY(m_store->access().localKeys()->constFirst().isRevoked());
        QTRY_VERIFY(TestKeychain::secret(before.secretRef).isNull());
    }

    void addsMembersAndWorkspacesAndSaysWhyNot()
    {
        auto* name = m_page->findChild<QLineEdit*>(QStringLiteral("members-name"));
        auto* members = m_page->findChild<QListWidget*>(QStringLiteral("members"));
        name->setText(QStringLiteral("ci-bot"));
        QTest::keyClick(name, Qt::Key_Return);
        QTRY_VERIFY(!members->findItems(QStringLiteral("ci-bot"), Qt::MatchExactly).isEmpty());
        name->setText(QStringLiteral("CI-BOT"));
        QTest::keyClick(name, Qt::Key_Return);
        QTRY_VERIFY(m_page->message().contains(u"already exists"));

        auto* workspaceName = m_page->findChild<QLineEdit*>(QStringLiteral("workspaces-name"));
        workspaceName->setText(QStringLiteral("Acme prod"));
        QTest::keyClick(workspaceName, Qt::Key_Return);
        auto* workspaces = m_page->findChild<QListWidget*>(QStringLiteral("workspaces"));
        QTRY_VERIFY(
            !workspaces->findItems(QStringLiteral("Acme prod"), Qt::MatchExactly).isEmpty());
    }
};

QTEST_MAIN(TestAccessPage)
#include "TestAccessPage.moc"
