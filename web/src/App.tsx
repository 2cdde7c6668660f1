import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout, RequireSession } from './components/Layout';
import { I18nProvider } from './i18n/context';
import { SessionProvider } from './lib/session';
import { Application } from './pages/Application';
import { Claim } from './pages/Claim';
import { DossierPage } from './pages/DossierPage';
import { Deliveries } from './pages/Deliveries';
import { Dossiers } from './pages/Dossiers';
import { Guide } from './pages/Guide';
import { Home } from './pages/Home';
import { Inbox } from './pages/Inbox';
import { NotFound } from './pages/NotFound';
import { Privacy } from './pages/Privacy';
import { SignIn } from './pages/SignIn';
import { WorkQueue } from './pages/WorkQueue';
import { Search } from './pages/Search';
import { MyRights } from './pages/rights/MyRights';
import { RightsWorkList } from './pages/rights/RightsWorkList';
import { Dashboard } from './pages/statistics/Dashboard';
import { OpenData } from './pages/statistics/OpenData';
import { Committee } from './pages/committee/Committee';
import { MeetingPage } from './pages/committee/MeetingPage';
import { Oversight } from './pages/oversight/Oversight';
import { PlatformHealth } from './pages/PlatformHealth';

/** Paths carry ids only: names, passport numbers and the like travel in request bodies, never in a URL. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Layout>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route path="/signin" element={<SignIn />} />
              <Route path="/privacy" element={<Privacy />} />
              <Route path="/new" element={<Guide />} />
              <Route
                path="/dossiers"
                element={
                  <RequireSession>
                    <Dossiers />
                  </RequireSession>
                }
              />
              <Route
                path="/dossiers/:id"
                element={
                  <RequireSession>
                    <DossierPage />
                  </RequireSession>
                }
              />
              <Route
                path="/dossiers/:id/edit/:step"
                element={
                  <RequireSession>
                    <Application />
                  </RequireSession>
                }
              />
              <Route
                path="/queue"
                element={
                  <RequireSession>
                    <WorkQueue />
                  </RequireSession>
                }
              />
              <Route
                path="/deliveries"
                element={
                  <RequireSession>
                    <Deliveries />
                  </RequireSession>
                }
              />
              <Route
                path="/messages"
                element={
                  <RequireSession>
                    <Inbox />
                  </RequireSession>
                }
              />
              <Route
                path="/search"
                element={
                  <RequireSession>
                    <Search />
                  </RequireSession>
                }
              />
              <Route
                path="/claim"
                element={
                  <RequireSession>
                    <Claim />
                  </RequireSession>
                }
              />
              <Route
                path="/my-rights"
                element={
                  <RequireSession>
                    <MyRights />
                  </RequireSession>
                }
              />
              <Route
                path="/rights-requests"
                element={
                  <RequireSession>
                    <RightsWorkList />
                  </RequireSession>
                }
              />
              <Route
                path="/oversight"
                element={
                  <RequireSession>
                    <Oversight />
                  </RequireSession>
                }
              />
              <Route
                path="/platform"
                element={
                  <RequireSession>
                    <PlatformHealth />
                  </RequireSession>
                }
              />
              <Route path="/open-data" element={<OpenData />} />
              <Route
                path="/statistics"
                element={
                  <RequireSession>
                    <Dashboard />
                  </RequireSession>
                }
              />
              <Route
                path="/committee"
                element={
                  <RequireSession>
                    <Committee />
                  </RequireSession>
                }
              />
              <Route
                path="/committee/meetings/:id"
                element={
                  <RequireSession>
                    <MeetingPage />
                  </RequireSession>
                }
              />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Layout>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
