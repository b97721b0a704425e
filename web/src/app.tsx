// Providers (language, Ant Design locale, session, live stream) and the routes of the web app.
import { App as AntApp, ConfigProvider, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useParams } from "react-router-dom";
import { LiveProvider } from "./api/live";
import { queryClient } from "./api/query-client";
import { boardsFor, homeBoard, SessionProvider, useSession } from "./auth/session";
import { SignInPage } from "./auth/sign-in-page";
import { BOARDS } from "./boards/registry";
import { AppLayout } from "./layout/app-layout";
import { lazyPage } from "./lazy-page";

const EcnPage = lazyPage(() => import("./engineering/ecn-page"), "EcnPage");
const ItemVersionsPage = lazyPage(() => import("./engineering/item-versions-page"), "ItemVersionsPage");
const NewEcnPage = lazyPage(() => import("./engineering/new-ecn-page"), "NewEcnPage");
const VersionEditorPage = lazyPage(() => import("./engineering/version-editor-page"), "VersionEditorPage");
const ImportPage = lazyPage(() => import("./imports/import-page"), "ImportPage");
const ManagementPage = lazyPage(() => import("./management/management-page"), "ManagementPage");
const CalendarPage = lazyPage(() => import("./master/calendar-page"), "CalendarPage");
const CustomersPage = lazyPage(() => import("./master/customers-page"), "CustomersPage");
const StockPage = lazyPage(() => import("./master/stock-page"), "StockPage");
const UsersPage = lazyPage(() => import("./master/users-page"), "UsersPage");
const OrdersPage = lazyPage(() => import("./orders/orders-page"), "OrdersPage");
const OperationSheet = lazyPage(() => import("./production/operation-sheet"), "OperationSheet");
const CentrePicker = lazyPage(() => import("./production/shop-floor-page"), "CentrePicker");
const DispatchPage = lazyPage(() => import("./production/shop-floor-page"), "DispatchPage");
const QuotePage = lazyPage(() => import("./quotes/quote-page"), "QuotePage");
const QuotesPage = lazyPage(() => import("./quotes/quotes-page"), "QuotesPage");
const RulesPage = lazyPage(() => import("./rules/rules-page"), "RulesPage");
const LookupPage = lazyPage(() => import("./service/lookup-page"), "LookupPage");
const VisitPage = lazyPage(() => import("./service/visit-page"), "VisitPage");

function Board() {
  const { role = "" } = useParams();
  const { me } = useSession();
  const Page = BOARDS[role];
  if (!me || !Page || !boardsFor(me.roles).includes(role)) return <Navigate to={`/board/${homeBoard(me?.roles ?? [])}`} replace />;
  return <Page />;
}

function SignedIn() {
  const { me } = useSession();
  if (me === undefined) return <Spin fullscreen />;
  if (me === null) return <Navigate to="/login" replace />;
  return (
    <QueryClientProvider client={queryClient}>
      <LiveProvider>
        <AppLayout />
      </LiveProvider>
    </QueryClientProvider>
  );
}

function Home() {
  const { me } = useSession();
  return <Navigate to={`/board/${homeBoard(me?.roles ?? [])}`} replace />;
}

export function App() {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith("en");
  useEffect(() => {
    dayjs.locale(en ? "en" : "zh-cn");
  }, [en]);
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={{ token: { colorPrimary: "#1677ff", borderRadius: 6 } }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<SignInPage />} />
              <Route element={<SignedIn />}>
                <Route path="/" element={<Home />} />
                <Route path="/board/:role" element={<Board />} />
                <Route path="/orders" element={<OrdersPage />} />
                <Route path="/quotes" element={<QuotesPage />} />
                <Route path="/quotes/:quoteNo" element={<QuotePage />} />
                <Route path="/rules" element={<RulesPage />} />
                <Route path="/engineering/ecns/new" element={<NewEcnPage />} />
                <Route path="/engineering/ecns/:ecnNo" element={<EcnPage />} />
                <Route path="/engineering/items/:sku" element={<ItemVersionsPage />} />
                <Route path="/engineering/items/:sku/:kind/:version" element={<VersionEditorPage />} />
                <Route path="/management" element={<ManagementPage />} />
                <Route path="/imports" element={<ImportPage />} />
                <Route path="/service/lookup" element={<LookupPage />} />
                <Route path="/service/visit" element={<VisitPage />} />
                <Route path="/master/customers" element={<CustomersPage />} />
                <Route path="/master/stock" element={<StockPage />} />
                <Route path="/master/calendar" element={<CalendarPage />} />
                <Route path="/master/users" element={<UsersPage />} />
                <Route path="/shop-floor" element={<CentrePicker />} />
                <Route path="/shop-floor/op/:operationId" element={<OperationSheet />} />
                <Route path="/shop-floor/:code" element={<DispatchPage />} />
                <Route path="*" element={<Home />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
