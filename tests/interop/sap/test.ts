// The SAP Cloud SDK for JavaScript's typed OData v4 client, generated from the Northwind
// example's own $metadata (run.sh), against the running example: reads, keys, filters, $select,
// $expand, counts, creates, updates and deletes with ETags. Each check prints PASS or FAIL; the
// process exits with 1 when any check failed. The expected values come from the classic data set
// (odata-server/examples/northwind/data/*.json), not from the server.
import { BigNumber } from 'bignumber.js';
import moment from 'moment';
import { and, any, asc, desc, filterFunctions, not, or } from '@sap-cloud-sdk/odata-v4';
import type { DefaultDeSerializers } from '@sap-cloud-sdk/odata-v4';
import type { HttpMiddleware } from '@sap-cloud-sdk/http-client';
import type { Filterable } from '@sap-cloud-sdk/odata-common';
import { northwind, Products } from './out/generated/northwind';

const url = process.env.NORTHWIND_URL;
if (!url) {
  console.error('NORTHWIND_URL is not set (run.sh sets it to the running example)');
  process.exit(2);
}
const destination = { url };
const { batch, categoriesApi, changeset, customersApi, order_DetailsApi, ordersApi, productsApi } = northwind();
const { contains, endsWith, isOf, length, month, round, startsWith, substring, toLower, year } = filterFunctions();
const P = productsApi.schema;
const C = categoriesApi.schema;
const D = order_DetailsApi.schema;
const O = ordersApi.schema;

// Every request the SDK sends, as it hands it to its HTTP layer (the ETag checks read If-Match).
interface Sent {
  method: string;
  url: string;
  query: string;
  headers: Record<string, unknown>;
}
const sent: Sent[] = [];
const record: HttpMiddleware = (options) => async (config) => {
  // The query options as the SDK hands them to its HTTP layer: shown with a FAIL.
  const query = Object.entries(config.params ?? {}).map(([k, v]) => `${k}=${v}`);
  sent.push({
    method: String(config.method).toUpperCase(),
    url: options.context.uri + (config.url ?? ''),
    query: query.length ? `?${query.join('&')}` : '',
    headers: { ...config.headers }
  });
  return options.fn(config);
};
function lastSent(method: string): Sent {
  const found = [...sent].reverse().find((s) => s.method === method);
  if (!found) throw new Error(`no ${method} request was sent`);
  return found;
}
function header(s: Sent, name: string): unknown {
  const key = Object.keys(s.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : s.headers[key];
}

class CheckFailed extends Error {}
function eq(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new CheckFailed(`${what}: expected ${e}, got ${a}`);
}
function decimal(value: BigNumber | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toString();
}
// The HTTP response of a failed request: the SDK wraps the HTTP client's error in ErrorWithCause.
function responseOf(error: unknown): { status: number; data: any } | undefined {
  for (let e: any = error; e; e = e.cause) {
    if (e.response?.status) return e.response;
  }
  return undefined;
}
function statusOf(error: unknown): number | undefined {
  return responseOf(error)?.status;
}
async function expectStatus(promise: Promise<unknown>, status: number, what: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    const got = statusOf(error);
    if (got === status) return;
    throw new CheckFailed(`${what}: expected HTTP ${status}, got ${got ?? String(error)}`);
  }
  throw new CheckFailed(`${what}: expected HTTP ${status}, but the request succeeded`);
}

let passed = 0;
let failed = 0;
async function check(name: string, body: () => Promise<void>): Promise<void> {
  const before = sent.length;
  try {
    await body();
    passed++;
    console.log(`PASS ${name}`);
  } catch (error) {
    failed++;
    const requests = sent.slice(before).map((s) => `    ${s.method} ${s.url}${s.query}`);
    const message = error instanceof CheckFailed ? error.message : `${error}\n${(error as any)?.cause ?? ''}`;
    console.log(`FAIL ${name}: ${message}${requests.length ? `\n  requests:\n${requests.join('\n')}` : ''}`);
  }
}

async function main(): Promise<void> {
  // ---- reads --------------------------------------------------------------------------------
  await check('read: Products with $orderby, $skip=10, $top=5', async () => {
    const page = await productsApi
      .requestBuilder()
      .getAll()
      .orderBy(asc(P.PRODUCT_ID))
      .skip(10)
      .top(5)
      .middleware(record)
      .execute(destination);
    eq(
      page.map((p) => [p.productId, p.productName]),
      [
        [11, 'Queso Cabrales'],
        [12, 'Queso Manchego La Pastora'],
        [13, 'Konbu'],
        [14, 'Tofu'],
        [15, 'Genen Shouyu']
      ],
      'window'
    );
  });
  await check('read: every Category', async () => {
    const all = await categoriesApi.requestBuilder().getAll().orderBy(asc(C.CATEGORY_ID)).middleware(record).execute(destination);
    eq(
      all.map((c) => c.categoryName),
      ['Beverages', 'Condiments', 'Confections', 'Dairy Products', 'Grains/Cereals', 'Meat/Poultry', 'Produce', 'Seafood'],
      'names'
    );
  });
  await check('read: typed values of a product (Int32, Int16, Decimal, Boolean, ETag)', async () => {
    const [chai] = await productsApi.requestBuilder().getAll().top(1).middleware(record).execute(destination);
    eq(
      [
        chai.productId,
        chai.productName,
        chai.quantityPerUnit,
        decimal(chai.unitPrice),
        chai.unitsInStock,
        chai.discontinued,
        chai.supplierId
      ],
      [1, 'Chai', '10 boxes x 20 bags', '18', 39, false, 1],
      'Chai'
    );
    eq(chai.versionIdentifier, 'W/"1"', 'versionIdentifier from @odata.etag');
  });

  // ---- keys ---------------------------------------------------------------------------------
  await check('key: Products(1)', async () => {
    const chai = await productsApi.requestBuilder().getByKey(1).middleware(record).execute(destination);
    eq([chai.productId, chai.productName, chai.categoryId], [1, 'Chai', 1], 'Products(1)');
  });
  await check("key: Customers('ALFKI') (string key)", async () => {
    const alfki = await customersApi.requestBuilder().getByKey('ALFKI').middleware(record).execute(destination);
    eq([alfki.customerId, alfki.companyName, alfki.country], ['ALFKI', 'Alfreds Futterkiste', 'Germany'], 'ALFKI');
  });
  await check('key: Order_Details(OrderID=10248,ProductID=11) (compound key)', async () => {
    const builder = order_DetailsApi.requestBuilder().getByKey(10248, 11);
    eq(
      (await builder.url(destination)).endsWith('/Order_Details(OrderID=10248,ProductID=11)'),
      true,
      `URL ${await builder.url(destination)}`
    );
    const line = await builder.middleware(record).execute(destination);
    eq([line.orderId, line.productId, decimal(line.unitPrice), line.quantity, line.discount], [10248, 11, '14', 12, 0], 'line');
  });
  await check('key: Orders(10248) (DateTimeOffset and Decimal values)', async () => {
    const order = await ordersApi.requestBuilder().getByKey(10248).middleware(record).execute(destination);
    eq(
      [
        order.customerId,
        order.orderDate?.toISOString(),
        order.shippedDate?.toISOString(),
        decimal(order.freight),
        order.shipRegion
      ],
      ['VINET', '1996-07-04T00:00:00.000Z', '1996-07-16T00:00:00.000Z', '32.38', null],
      'order'
    );
  });
  await check('key: Products(9999) is 404 with an OData error body', async () => {
    const missing = productsApi.requestBuilder().getByKey(9999).middleware(record).execute(destination);
    await expectStatus(missing, 404, 'Products(9999)');
    const body = responseOf(await missing.catch((e) => e))?.data;
    eq([typeof body?.error?.code, typeof body?.error?.message], ['string', 'string'], `error body ${JSON.stringify(body)}`);
  });

  // ---- $filter ------------------------------------------------------------------------------
  const ids = async (filter: Filterable<Products, DefaultDeSerializers>) =>
    (
      await productsApi
        .requestBuilder()
        .getAll()
        .filter(filter)
        .orderBy(asc(P.PRODUCT_ID))
        .select(P.PRODUCT_ID)
        .middleware(record)
        .execute(destination)
    ).map((p) => p.productId);
  await check('filter: comparison on a Decimal (UnitPrice ge 80), $orderby desc', async () => {
    const rich = await productsApi
      .requestBuilder()
      .getAll()
      .filter(P.UNIT_PRICE.greaterOrEqual(new BigNumber(80)))
      .orderBy(desc(P.UNIT_PRICE))
      .middleware(record)
      .execute(destination);
    eq(
      rich.map((p) => [p.productId, decimal(p.unitPrice)]),
      [
        [38, '263.5'],
        [29, '123.79'],
        [9, '97'],
        [20, '81']
      ],
      'products'
    );
  });
  await check('filter: startswith', async () => {
    eq(await ids(startsWith(P.PRODUCT_NAME, 'Ch').equals(true)), [1, 2, 4, 5, 39, 48], 'startswith(ProductName,Ch)');
  });
  await check('filter: contains(tolower(...))', async () => {
    eq(await ids(contains(toLower(P.PRODUCT_NAME), 'sauce').equals(true)), [8, 65], 'contains(tolower(ProductName),sauce)');
  });
  await check('filter: endswith, length, substring', async () => {
    eq(await ids(endsWith(P.PRODUCT_NAME, 'Sauce').equals(true)), [8, 65], 'endswith');
    eq(await ids(length(P.PRODUCT_NAME).equals(4)), [1, 14], 'length eq 4');
    eq(await ids(substring(P.PRODUCT_NAME, 1, 4).equals('ueso')), [11, 12], 'substring(ProductName,1,4)');
  });
  await check('filter: and (non-ASCII results)', async () => {
    const cheap = await productsApi
      .requestBuilder()
      .getAll()
      .filter(and(P.CATEGORY_ID.equals(1), P.UNIT_PRICE.lessThan(new BigNumber(10))))
      .orderBy(asc(P.PRODUCT_ID))
      .middleware(record)
      .execute(destination);
    eq(
      cheap.map((p) => p.productName),
      ['Guaraná Fantástica', 'Rhönbräu Klosterbier'],
      'cheap beverages'
    );
  });
  await check('filter: or, not', async () => {
    eq(
      await ids(or(P.UNIT_PRICE.greaterOrEqual(new BigNumber(80)), P.UNITS_IN_STOCK.equals(0))),
      [5, 9, 17, 20, 29, 31, 38, 53],
      'or'
    );
    eq(await ids(and(not(P.DISCONTINUED.equals(true)), P.UNITS_IN_STOCK.equals(0))), [31], 'not');
  });
  await check('filter: string equality with a quote', async () => {
    eq(await ids(P.PRODUCT_NAME.equals("Sir Rodney's Marmalade")), [20], 'quote');
  });
  await check('filter: DateTimeOffset comparison and year()/month()', async () => {
    const orders = ordersApi.requestBuilder();
    eq(
      await orders
        .getAll()
        .filter(O.ORDER_DATE.greaterOrEqual(moment.utc('1998-05-01T00:00:00Z')))
        .count()
        .execute(destination),
      14,
      'OrderDate ge 1998-05-01'
    );
    eq(await orders.getAll().filter(year(O.ORDER_DATE).equals(1996)).count().execute(destination), 152, 'year eq 1996');
    eq(
      await orders
        .getAll()
        .filter(and(year(O.ORDER_DATE).equals(1997), month(O.ORDER_DATE).equals(12)))
        .count()
        .execute(destination),
      48,
      'December 1997'
    );
    const german = await orders
      .getAll()
      .filter(
        O.ORDER_DATE.greaterOrEqual(moment.utc('1997-01-01')),
        O.ORDER_DATE.lessThan(moment.utc('1997-02-01')),
        O.SHIP_COUNTRY.equals('Germany')
      )
      .orderBy(asc(O.ORDER_ID))
      .select(O.ORDER_ID)
      .middleware(record)
      .execute(destination);
    eq(
      german.map((o) => o.orderId),
      [10407, 10418],
      'January 1997 to Germany'
    );
  });
  await check('filter: eq null', async () => {
    eq(
      await ordersApi
        .requestBuilder()
        .getAll()
        .filter(O.SHIPPED_DATE.equals(null))
        .count()
        .middleware(record)
        .execute(destination),
      21,
      'ShippedDate eq null'
    );
  });
  await check('filter: across a to-one navigation (Category/CategoryName)', async () => {
    eq(
      await productsApi
        .requestBuilder()
        .getAll()
        .filter(P.CATEGORY.filter(C.CATEGORY_NAME.equals('Seafood')))
        .count()
        .middleware(record)
        .execute(destination),
      12,
      'Seafood'
    );
  });
  await check('filter: any() over a to-many navigation', async () => {
    eq(
      await ids(P.ORDER_DETAILS.filter(any(D.QUANTITY.greaterThan(100)))),
      [24, 27, 39, 41, 45, 51, 53, 55, 59, 61, 64, 75],
      'Order_Details/any(d:d/Quantity gt 100)'
    );
  });

  // ---- $select, $expand, $count -------------------------------------------------------------
  await check('select: only the selected properties', async () => {
    const builder = productsApi.requestBuilder().getByKey(1).select(P.PRODUCT_NAME, P.UNIT_PRICE);
    const chai = await builder.middleware(record).execute(destination);
    eq(
      [chai.productName, decimal(chai.unitPrice), chai.unitsInStock, chai.categoryId],
      ['Chai', '18', undefined, undefined],
      'Chai'
    );
  });
  await check('expand: to-one (Products(1) with Category)', async () => {
    const chai = await productsApi
      .requestBuilder()
      .getByKey(1)
      .select(P.PRODUCT_NAME)
      .expand(P.CATEGORY.select(C.CATEGORY_NAME))
      .middleware(record)
      .execute(destination);
    eq(
      [chai.productName, chai.category?.categoryName, chai.category?.description],
      ['Chai', 'Beverages', undefined],
      'Chai and category'
    );
  });
  await check('expand: to-many (Categories(1) with its 12 Products)', async () => {
    const beverages = await categoriesApi
      .requestBuilder()
      .getByKey(1)
      .select(C.CATEGORY_NAME)
      .expand(C.PRODUCTS.select(P.PRODUCT_ID))
      .middleware(record)
      .execute(destination);
    eq(
      [beverages.categoryName, beverages.products.map((p) => p.productId)],
      ['Beverages', [1, 2, 24, 34, 35, 38, 39, 43, 67, 70, 75, 76]],
      'beverages'
    );
  });
  await check('expand: to-many with nested $filter/$orderby/$top', async () => {
    const beverages = await categoriesApi
      .requestBuilder()
      .getByKey(1)
      .select(C.CATEGORY_NAME)
      .expand(
        C.PRODUCTS.select(P.PRODUCT_NAME, P.UNIT_PRICE)
          .filter(P.UNIT_PRICE.greaterThan(new BigNumber(40)))
          .orderBy(desc(P.UNIT_PRICE))
          .top(2)
      )
      .middleware(record)
      .execute(destination);
    eq(
      beverages.products.map((p) => p.productName),
      ['Côte de Blaye', 'Ipoh Coffee'],
      'expensive beverages'
    );
  });
  await check('expand: two levels over the compound key (Orders(10248)/Order_Details/Product)', async () => {
    const order = await ordersApi
      .requestBuilder()
      .getByKey(10248)
      .select(O.ORDER_ID)
      .expand(
        O.ORDER_DETAILS.select(D.PRODUCT_ID, D.QUANTITY).expand(D.PRODUCT.select(P.PRODUCT_NAME)).orderBy(asc(D.PRODUCT_ID))
      )
      .middleware(record)
      .execute(destination);
    eq(
      order.orderDetails.map((d) => [d.productId, d.quantity, d.product?.productName]),
      [
        [11, 12, 'Queso Cabrales'],
        [42, 10, 'Singaporean Hokkien Fried Mee'],
        [72, 5, 'Mozzarella di Giovanni']
      ],
      'lines'
    );
  });
  await check('count: /$count of entity sets, with and without $filter', async () => {
    eq(await productsApi.requestBuilder().getAll().count().middleware(record).execute(destination), 77, 'Products/$count');
    eq(
      await order_DetailsApi.requestBuilder().getAll().count().middleware(record).execute(destination),
      2155,
      'Order_Details/$count'
    );
    eq(
      await productsApi
        .requestBuilder()
        .getAll()
        .filter(startsWith(P.PRODUCT_NAME, 'Ch').equals(true))
        .count()
        .middleware(record)
        .execute(destination),
      6,
      'filtered'
    );
  });

  await check('paging: Prefer odata.maxpagesize gives a first page and a nextLink', async () => {
    const prefer = { Prefer: 'odata.maxpagesize=5' };
    const page = await productsApi
      .requestBuilder()
      .getAll()
      .orderBy(asc(P.PRODUCT_ID))
      .addCustomHeaders(prefer)
      .middleware(record)
      .execute(destination);
    eq(
      page.map((p) => p.productId),
      [1, 2, 3, 4, 5],
      'first page'
    );
    const raw = await productsApi
      .requestBuilder()
      .getAll()
      .orderBy(asc(P.PRODUCT_ID))
      .select(P.PRODUCT_ID)
      .addCustomHeaders(prefer)
      .middleware(record)
      .executeRaw(destination);
    eq(raw.headers['preference-applied'], 'odata.maxpagesize=5', 'Preference-Applied');
    const next = raw.data['@odata.nextLink'];
    if (typeof next !== 'string') throw new CheckFailed(`no @odata.nextLink in ${JSON.stringify(raw.data)}`);
    const second = await fetch(new URL(next, url), { headers: prefer }).then((r) => r.json());
    eq(
      second.value.map((p: any) => p.ProductID),
      [6, 7, 8, 9, 10],
      `page at ${next}`
    );
  });

  // ---- writes -------------------------------------------------------------------------------
  // The keys are the client's here; a create without its key gets one from the server (a
  // check after the batch checks).
  let categoryId = 0;
  let productId = 0;
  await check('create: POST a Category (201, ETag)', async () => {
    const draft = categoriesApi
      .entityBuilder()
      .categoryId(9)
      .categoryName('SAP SDK')
      .description('created by the SAP Cloud SDK')
      .build();
    const created = await categoriesApi.requestBuilder().create(draft).middleware(record).execute(destination);
    eq([created.categoryId, created.categoryName, created.versionIdentifier], [9, 'SAP SDK', 'W/"1"'], 'created');
    categoryId = created.categoryId;
    const read = await categoriesApi.requestBuilder().getByKey(categoryId).middleware(record).execute(destination);
    eq([read.categoryName, read.description], ['SAP SDK', 'created by the SAP Cloud SDK'], 'read back');
  });
  await check('create: POST a Product of the new Category (Decimal, Int16, Boolean)', async () => {
    const draft = productsApi
      .entityBuilder()
      .productId(78)
      .productName('SDK Tea')
      .categoryId(categoryId)
      .supplierId(1)
      .unitPrice(new BigNumber('12.5'))
      .unitsInStock(7)
      .discontinued(false)
      .build();
    const created = await productsApi.requestBuilder().create(draft).middleware(record).execute(destination);
    eq([created.productId, created.productName, decimal(created.unitPrice)], [78, 'SDK Tea', '12.5'], 'created');
    productId = created.productId;
    const read = await productsApi
      .requestBuilder()
      .getByKey(productId)
      .select(P.PRODUCT_NAME, P.UNITS_IN_STOCK)
      .expand(P.CATEGORY.select(C.CATEGORY_NAME))
      .middleware(record)
      .execute(destination);
    eq(
      [read.productName, read.unitsInStock, read.category?.categoryName],
      ['SDK Tea', 7, 'SAP SDK'],
      'read back with its category'
    );
  });
  await check('create: deep insert (a Category with two Products)', async () => {
    const draft = categoriesApi
      .entityBuilder()
      .categoryId(10)
      .categoryName('SDK Deep')
      .products([
        productsApi.entityBuilder().productId(79).productName('Deep One').discontinued(false).build(),
        productsApi.entityBuilder().productId(80).productName('Deep Two').discontinued(true).build()
      ])
      .build();
    const created = await categoriesApi.requestBuilder().create(draft).middleware(record).execute(destination);
    const read = await categoriesApi
      .requestBuilder()
      .getByKey(created.categoryId)
      .select(C.CATEGORY_NAME)
      .expand(C.PRODUCTS.select(P.PRODUCT_NAME, P.CATEGORY_ID).orderBy(asc(P.PRODUCT_NAME)))
      .middleware(record)
      .execute(destination);
    eq(
      [read.categoryName, read.products.map((p) => [p.productName, p.categoryId])],
      [
        'SDK Deep',
        [
          ['Deep One', created.categoryId],
          ['Deep Two', created.categoryId]
        ]
      ],
      'deep'
    );
  });
  await check('create: POST to a navigation (Categories(9)/Products, asChildOf)', async () => {
    const parent = await categoriesApi.requestBuilder().getByKey(categoryId).middleware(record).execute(destination);
    const draft = productsApi.entityBuilder().productId(81).productName('SDK Child').discontinued(false).build();
    const created = await productsApi
      .requestBuilder()
      .create(draft)
      .asChildOf(parent, C.PRODUCTS)
      .middleware(record)
      .execute(destination);
    eq(lastSent('POST').url, `${url}Categories(CategoryID=${categoryId})/Products`, 'POST URL');
    eq([created.productName, created.categoryId], ['SDK Child', categoryId], 'child');
  });

  await check('create, read, delete: an Order (DateTimeOffset, Decimal) and an Order_Detail (compound key)', async () => {
    const order = ordersApi
      .entityBuilder()
      .orderId(20000)
      .customerId('ALFKI')
      .employeeId(1)
      .orderDate(moment.utc('2026-11-30T12:34:56Z'))
      .freight(new BigNumber('12.3456'))
      .shipCountry('Deutschland')
      .build();
    await ordersApi.requestBuilder().create(order).middleware(record).execute(destination);
    const line = order_DetailsApi
      .entityBuilder()
      .orderId(20000)
      .productId(1)
      .unitPrice(new BigNumber('18.5'))
      .quantity(3)
      .discount(0.25)
      .build();
    await order_DetailsApi.requestBuilder().create(line).middleware(record).execute(destination);
    const read = await ordersApi
      .requestBuilder()
      .getByKey(20000)
      .expand(
        O.ORDER_DETAILS.select(D.PRODUCT_ID, D.UNIT_PRICE, D.QUANTITY, D.DISCOUNT),
        O.CUSTOMER.select(customersApi.schema.COMPANY_NAME)
      )
      .middleware(record)
      .execute(destination);
    eq(
      [read.orderDate?.toISOString(), decimal(read.freight), read.shipCountry, read.customer?.companyName],
      ['2026-11-30T12:34:56.000Z', '12.3456', 'Deutschland', 'Alfreds Futterkiste'],
      'order'
    );
    eq(
      read.orderDetails.map((d) => [d.productId, decimal(d.unitPrice), d.quantity, d.discount]),
      [[1, '18.5', 3, 0.25]],
      'lines'
    );
    await order_DetailsApi.requestBuilder().delete(20000, 1).middleware(record).execute(destination);
    eq(lastSent('DELETE').url, `${url}Order_Details(OrderID=20000,ProductID=1)`, 'DELETE URL');
    await expectStatus(order_DetailsApi.requestBuilder().getByKey(20000, 1).execute(destination), 404, 'line after DELETE');
    await ordersApi.requestBuilder().delete(20000).middleware(record).execute(destination);
    await expectStatus(ordersApi.requestBuilder().getByKey(20000).execute(destination), 404, 'order after DELETE');
  });

  // Two copies of product 78 as read at version 1: `fresh` is updated (the SDK then sets its
  // versionIdentifier to the ETag of the response), `stale` keeps W/"1".
  const getProduct = () => productsApi.requestBuilder().getByKey(productId).middleware(record).execute(destination);
  let stale: Products | undefined;
  await check('update: PATCH with If-Match from @odata.etag; the new ETag comes back', async () => {
    const fresh = await getProduct();
    stale = await getProduct();
    eq([fresh.versionIdentifier, stale.versionIdentifier], ['W/"1"', 'W/"1"'], 'ETag before');
    fresh.unitPrice = new BigNumber('13.75');
    fresh.unitsInStock = 3;
    const updated = await productsApi.requestBuilder().update(fresh).middleware(record).execute(destination);
    const patch = lastSent('PATCH');
    eq([header(patch, 'if-match'), patch.url], ['W/"1"', `${url}Products(ProductID=${productId})`], 'PATCH');
    eq(updated.versionIdentifier, 'W/"2"', 'versionIdentifier after the update (ETag of the response)');
    const read = await getProduct();
    eq(
      [decimal(read.unitPrice), read.unitsInStock, read.productName, read.versionIdentifier],
      ['13.75', 3, 'SDK Tea', 'W/"2"'],
      'read back'
    );
  });
  await check('update: a stale ETag is 412 and changes nothing', async () => {
    if (!stale) throw new CheckFailed('no entity from the previous check');
    stale.unitsInStock = 99;
    await expectStatus(
      productsApi.requestBuilder().update(stale).middleware(record).execute(destination),
      412,
      'PATCH with a stale ETag'
    );
    eq(header(lastSent('PATCH'), 'if-match'), 'W/"1"', 'If-Match sent');
    const read = await getProduct();
    eq([read.unitsInStock, read.versionIdentifier], [3, 'W/"2"'], 'unchanged');
  });
  await check('update: PUT (replaceWholeEntityWithPut) with If-Match', async () => {
    const product = await getProduct();
    product.productName = 'SDK Tea (put)';
    await productsApi.requestBuilder().update(product).replaceWholeEntityWithPut().middleware(record).execute(destination);
    eq(header(lastSent('PUT'), 'if-match'), 'W/"2"', 'PUT If-Match');
    eq(product.versionIdentifier, 'W/"3"', 'versionIdentifier after PUT');
    const read = await getProduct();
    eq(
      [read.productName, decimal(read.unitPrice), read.unitsInStock, read.versionIdentifier],
      ['SDK Tea (put)', '13.75', 3, 'W/"3"'],
      'read back'
    );
  });
  await check('update: ignoreVersionIdentifier sends If-Match: * (a stale copy then wins)', async () => {
    if (!stale) throw new CheckFailed('no entity from a previous check');
    stale.unitsInStock = 5;
    await productsApi.requestBuilder().update(stale).ignoreVersionIdentifier().middleware(record).execute(destination);
    eq(header(lastSent('PATCH'), 'if-match'), '*', 'If-Match');
    const read = await getProduct();
    eq([read.unitsInStock, read.versionIdentifier], [5, 'W/"4"'], 'read back');
  });
  await check('delete: a stale ETag is 412, the current one deletes, then 404', async () => {
    await expectStatus(
      productsApi.requestBuilder().delete(productId).setVersionIdentifier('W/"3"').middleware(record).execute(destination),
      412,
      'DELETE with a stale ETag'
    );
    eq(header(lastSent('DELETE'), 'if-match'), 'W/"3"', 'stale If-Match');
    const current = await getProduct();
    await productsApi.requestBuilder().delete(current).middleware(record).execute(destination);
    const del = lastSent('DELETE');
    eq([header(del, 'if-match'), del.url], ['W/"4"', `${url}Products(ProductID=${productId})`], 'DELETE');
    await expectStatus(getProduct(), 404, 'GET after DELETE');
  });
  await check('delete: by key, without an ETag', async () => {
    const child = await productsApi
      .requestBuilder()
      .getAll()
      .filter(P.PRODUCT_NAME.equals('SDK Child'))
      .middleware(record)
      .execute(destination);
    eq(
      child.map((p) => p.productId),
      [81],
      'SDK Child'
    );
    await productsApi.requestBuilder().delete(81).middleware(record).execute(destination);
    eq(header(lastSent('DELETE'), 'if-match'), undefined, 'no If-Match');
    eq(
      await productsApi.requestBuilder().getAll().filter(P.PRODUCT_NAME.equals('SDK Child')).count().execute(destination),
      0,
      'gone'
    );
  });

  // ---- batch (OData 4.0 multipart/mixed, the SDK's only batch format) -------------------------
  await check('batch: a read, then a change set with two creates and an update (If-Match)', async () => {
    const chai = await productsApi.requestBuilder().getByKey(1).middleware(record).execute(destination);
    const etag = chai.versionIdentifier;
    chai.unitsInStock = 40;
    const responses = await batch(
      productsApi.requestBuilder().getByKey(2),
      changeset(
        categoriesApi.requestBuilder().create(categoriesApi.entityBuilder().categoryId(20).categoryName('Batch').build()),
        productsApi
          .requestBuilder()
          .create(productsApi.entityBuilder().productId(90).productName('Batch Tea').categoryId(20).discontinued(false).build()),
        productsApi.requestBuilder().update(chai)
      )
    )
      .middleware(record)
      .execute(destination);
    eq(
      responses.map((r) => [r.isReadResponse(), r.isWriteResponses(), r.isError()]),
      [
        [true, false, false],
        [false, true, false]
      ],
      'response kinds'
    );
    const [read, writes] = responses;
    if (!read.isReadResponse() || !writes.isWriteResponses()) throw new CheckFailed('response kinds');
    eq(
      read.as(productsApi).map((p) => [p.productId, p.productName, p.unitsInStock]),
      [[2, 'Chang', 17]],
      'the read (Products(2))'
    );
    eq(
      writes.responses.map((w) => w.httpCode),
      [201, 201, 204],
      'the change set: two creates, an update'
    );
    eq(writes.responses[0].as?.(categoriesApi).categoryName, 'Batch', 'the created category, from its response');
    eq(writes.responses[1].as?.(productsApi).productName, 'Batch Tea', 'the created product, from its response');
    eq(etag, 'W/"1"', 'If-Match of the update');
    const product = await productsApi
      .requestBuilder()
      .getByKey(90)
      .expand(P.CATEGORY.select(C.CATEGORY_NAME))
      .middleware(record)
      .execute(destination);
    eq([product.productName, product.category?.categoryName], ['Batch Tea', 'Batch'], 'read back');
    const updated = await productsApi.requestBuilder().getByKey(1).middleware(record).execute(destination);
    eq([updated.unitsInStock, updated.versionIdentifier], [40, 'W/"2"'], 'the update, read back');
  });
  await check('batch: a change set with a stale ETag fails as a whole and changes nothing', async () => {
    const chai = await productsApi.requestBuilder().getByKey(1).middleware(record).execute(destination);
    chai.unitsInStock = 41;
    const responses = await batch(
      changeset(
        categoriesApi.requestBuilder().create(categoriesApi.entityBuilder().categoryId(21).categoryName('Lost').build()),
        productsApi.requestBuilder().update(chai).setVersionIdentifier('W/"1"')
      )
    )
      .middleware(record)
      .execute(destination);
    eq(
      responses.map((r) => [r.isError(), r.isError() ? r.httpCode : 0]),
      [[true, 412]],
      'one error response for the change set'
    );
    eq(
      await categoriesApi.requestBuilder().getAll().filter(C.CATEGORY_ID.equals(21)).count().execute(destination),
      0,
      'the create was rolled back'
    );
    const read = await productsApi.requestBuilder().getByKey(1).middleware(record).execute(destination);
    eq([read.unitsInStock, read.versionIdentifier], [40, 'W/"2"'], 'unchanged');
  });

  await check('create: without its key, a Category gets the next key from the server', async () => {
    const created = await categoriesApi
      .requestBuilder()
      .create(categoriesApi.entityBuilder().categoryName('Keyless').build())
      .middleware(record)
      .execute(destination);
    eq([created.categoryId, created.categoryName, created.versionIdentifier], [21, 'Keyless', 'W/"1"'], 'created');
    eq(lastSent('POST').url, `${url}Categories`, 'POST URL');
    const read = await categoriesApi.requestBuilder().getByKey(21).middleware(record).execute(destination);
    eq(read.categoryName, 'Keyless', 'read back');
  });

  // ---- known gaps: run with SAP_KNOWN_GAPS=1 ------------------------------------------------
  if (process.env.SAP_KNOWN_GAPS === '1') {
    // The SDK writes the type name as a string literal, isof('NorthwindModel.DiscontinuedProduct'),
    // the OData V2 form; the V4 ABNF (isofExpr) takes a bare qualified name, and odata-server
    // answers 400 "expected a type name". Passes if the server accepts the quoted form too.
    await check('known gap: isof() with a quoted type name (the SDK form)', async () => {
      const ids = await productsApi
        .requestBuilder()
        .getAll()
        .filter(isOf<Products>('NorthwindModel.DiscontinuedProduct').equals(true))
        .select(P.PRODUCT_ID)
        .orderBy(asc(P.PRODUCT_ID))
        .middleware(record)
        .execute(destination);
      eq(
        ids.map((p) => p.productId),
        [5, 9, 17, 24, 28, 29, 42, 53],
        'discontinued products'
      );
    });
    // The SDK writes Edm.Single and Edm.Double literals with the OData V2 suffixes F and D
    // (Discount eq 0.25F, round(Freight) eq 32D); the V4 ABNF has no suffixes, and odata-server
    // answers 400 "expected `)`". Passes if the server accepts the suffixes too.
    await check('known gap: an Edm.Single literal with the suffix F (the SDK form)', async () => {
      const count = await order_DetailsApi
        .requestBuilder()
        .getAll()
        .filter(D.DISCOUNT.equals(0.25))
        .count()
        .middleware(record)
        .execute(destination);
      eq(count, 154, 'Discount eq 0.25F');
    });
    await check('known gap: an Edm.Double literal with the suffix D (round(), the SDK form)', async () => {
      const count = await ordersApi
        .requestBuilder()
        .getAll()
        .filter(round(O.FREIGHT).equals(32))
        .count()
        .middleware(record)
        .execute(destination);
      eq(count, 11, 'round(Freight) eq 32D');
    });
  }

  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
