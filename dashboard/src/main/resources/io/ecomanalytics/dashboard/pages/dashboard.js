// The dashboard's pages: plain JavaScript over the JSON API, charts drawn by ECharts with its SVG renderer.
// Every value from the API is inserted as text (textContent), never as HTML.
'use strict';

const LIVE_REFRESH_MS = 5000;
const BAR_COLOR = '#4c72b0';
const LINE_COLORS = ['#dd8452', '#55a868', '#c44e52', '#8172b3'];

function query(name) {
  return new URLSearchParams(window.location.search).get(name);
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.message || ('HTTP ' + response.status));
  }
  return body;
}

function showStatus(message) {
  document.getElementById('status').textContent = message;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function link(text, href) {
  const anchor = element('a', text);
  anchor.href = href;
  return anchor;
}

function money(value) {
  return value === null || value === undefined ? '' : '$' + Number(value).toLocaleString('en-US',
    { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function fraction(value) {
  return value === null || value === undefined ? '' : Number(value).toFixed(3);
}

function addRow(table, cells) {
  const row = document.createElement('tr');
  for (const cell of cells) {
    if (cell instanceof Node) {
      const td = element('td');
      td.appendChild(cell);
      row.appendChild(td);
    } else if (typeof cell === 'object' && cell !== null) {
      row.appendChild(element('td', cell.text, cell.number ? 'number' : ''));
    } else {
      row.appendChild(element('td', cell));
    }
  }
  document.querySelector('#' + table + ' tbody').appendChild(row);
  return row;
}

function number(text) {
  return { text: text, number: true };
}

function figures(containerId, pairs) {
  const container = document.getElementById(containerId);
  container.replaceChildren();
  for (const [label, value] of pairs) {
    const box = element('div', null, 'figure');
    box.appendChild(element('div', label, 'label'));
    box.appendChild(element('div', value, 'value'));
    container.appendChild(box);
  }
}

function chart(id) {
  const node = document.getElementById(id);
  return echarts.getInstanceByDom(node) || echarts.init(node, null, { renderer: 'svg' });
}

function barChart(id, labels, values, name) {
  chart(id).setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 80, right: 20, bottom: 60 },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: [{ name: name, type: 'bar', data: values, itemStyle: { color: BAR_COLOR } }]
  });
}

function lineChart(id, labels, series) {
  chart(id).setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, show: series.length > 1 },
    grid: { left: 80, right: 20, bottom: 40, top: 40 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value' },
    color: LINE_COLORS,
    series: series.map(s => ({ name: s.name, type: 'line', data: s.values, showSymbol: true, symbol: 'circle',
      symbolSize: 6 }))
  }, true);
}

async function overview() {
  const summary = await api('/api/summary');
  figures('headline', [
    ['Revenue', money(summary.revenue)], ['Orders', summary.orders.toLocaleString('en-US')],
    ['Customers', summary.customers.toLocaleString('en-US')],
    ['Average order value', money(summary.average_order_value)],
    ['Sessions', summary.sessions.toLocaleString('en-US')], ['Top category', summary.top_category]]);
  lineChart('revenue-by-day', summary.revenue_by_day.map(d => d.day),
    [{ name: 'Revenue', values: summary.revenue_by_day.map(d => Number(d.revenue)) }]);
  barChart('revenue-by-category', summary.revenue_by_category.map(c => c.name),
    summary.revenue_by_category.map(c => Number(c.revenue)), 'Revenue');
  const categories = await api('/api/categories');
  for (const category of categories.categories) {
    addRow('categories', [link(category.name, '/category.html?id=' + encodeURIComponent(category.category_id)),
      number(category.products), number(category.orders), number(category.quantity), number(money(category.revenue))]);
  }
}

async function category() {
  const id = query('id') || '';
  const answer = await api('/api/categories/' + encodeURIComponent(id) + '/products');
  document.getElementById('category-name').textContent = answer.name + ' (' + answer.category_id + ')';
  document.title = answer.name + ' · E-commerce analytics';
  barChart('product-revenue', answer.products.map(p => p.product_id), answer.products.map(p => Number(p.revenue)),
    'Revenue');
  for (const product of answer.products) {
    const anchor = link(product.product_id, '#' + product.product_id);
    anchor.addEventListener('click', event => {
      event.preventDefault();
      const detail = document.getElementById('product-detail');
      detail.hidden = false;
      const pairs = product.pairs.map(p => p.product_id + ' (' + p.transactions + ', confidence '
        + fraction(p.confidence) + ', lift ' + fraction(p.lift) + ')');
      figures('product-detail', [['Product', product.product_id + ' ' + product.name],
        ['Price', money(product.base_price)], ['Views', product.views], ['Carts', product.carts],
        ['Orders', product.orders], ['Conversion', fraction(product.conversion)], ['Quantity', product.quantity],
        ['Revenue', money(product.revenue)], ['Active', product.is_active ? 'yes' : 'no'],
        ['Bought together', pairs.length === 0 ? 'none' : pairs.join('; ')]]);
    });
    addRow('products', [anchor, product.name, number(money(product.base_price)), number(product.views),
      number(product.carts), number(product.purchases), number(fraction(product.conversion)),
      number(product.quantity), number(money(product.revenue))]);
  }
}

async function segments() {
  const segment = query('segment') || '';
  const sort = query('sort') || 'spend';
  const page = Number(query('page') || '1');
  const parameters = new URLSearchParams({ sort: sort, page: String(page) });
  if (segment) {
    parameters.set('segment', segment);
  }
  const answer = await api('/api/customers?' + parameters.toString());
  barChart('segment-sizes', answer.segments.map(s => s.segment), answer.segments.map(s => s.customers), 'Customers');
  if (answer.segments.length === 0) {
    showStatus('No segments yet: they are written by `run` (customer_clv). The customers are listed by spend.');
  }
  const learned = answer.learned_segments.map(s => 'segment ' + s.learned_segment + ': ' + s.customers);
  document.getElementById('learned').textContent = learned.length === 0 ? ''
    : 'Learned segments (customers): ' + learned.join(', ');
  const select = document.getElementById('segment');
  for (const s of answer.segments) {
    const option = element('option', s.segment + ' (' + s.customers + ')');
    option.value = s.segment;
    option.selected = s.segment === segment;
    select.appendChild(option);
  }
  document.getElementById('sort').value = sort;
  const pages = Math.max(1, Math.ceil(answer.total / answer.page_size));
  document.getElementById('paging').textContent = answer.total + ' customers, page ' + answer.page + ' of ' + pages;
  for (const customer of answer.customers) {
    addRow('customers', [link(customer.user_id, '/customer.html?id=' + encodeURIComponent(customer.user_id)),
      number(customer.orders), number(money(customer.spend)), customer.last_purchase.substring(0, 10),
      number(money(customer.clv)), number(fraction(customer.probability_alive)), customer.segment || '']);
  }
  const pageLink = (id, target) => {
    const anchor = document.getElementById(id);
    if (target < 1 || target > pages) {
      anchor.hidden = true;
    } else {
      parameters.set('page', String(target));
      anchor.href = '/segments.html?' + parameters.toString();
    }
  };
  pageLink('previous', page - 1);
  pageLink('next', page + 1);
}

async function customer() {
  const id = query('id') || '';
  const answer = await api('/api/customers/' + encodeURIComponent(id));
  document.getElementById('customer-id').textContent = answer.user_id;
  const value = answer.value;
  figures('profile', [
    ['Location', [answer.geo_data.city, answer.geo_data.state, answer.geo_data.country].join(', ')],
    ['Registered', (answer.registration_date || '').substring(0, 10)], ['Orders', answer.orders.length],
    ['Spend', money(answer.spend)], ['Sessions', answer.sessions_total.toLocaleString('en-US')], ['CLV', money(value.clv)],
    ['P(alive)', fraction(value.probability_alive)], ['Expected purchases', fraction(value.expected_purchases)],
    ['Segment', value.segment || ''],
    ['Learned segment', value.learned_segment === null ? '' : value.learned_segment]]);
  lineChart('order-totals', answer.orders.map(o => o.timestamp.substring(0, 10)),
    [{ name: 'Order total', values: answer.orders.map(o => Number(o.total)) }]);
  for (const order of answer.orders) {
    addRow('orders', [order.transaction_id, order.timestamp,
      order.items.map(i => i.quantity + ' x ' + i.product_id + ' @ ' + money(i.unit_price)).join('; '),
      number(money(order.discount)), number(money(order.total)), order.status]);
  }
  document.getElementById('sessions-shown').textContent = answer.sessions.length < answer.sessions_total
    ? 'the latest ' + answer.sessions.length + ' of ' + answer.sessions_total.toLocaleString('en-US')
    : 'all ' + answer.sessions_total.toLocaleString('en-US');
  for (const session of answer.sessions) {
    addRow('sessions', [session.session_id, session.start_time, number(session.duration_seconds),
      session.device_profile.type + ' ' + session.device_profile.os + ' ' + session.device_profile.browser,
      number(session.page_views), number(money(session.cart_value)), session.conversion_status]);
  }
  for (const line of answer.recommendations) {
    addRow('recommendations', [number(line.rank), line.product_id, number(fraction(line.score)), line.reason || '']);
  }
}

async function live() {
  const refresh = async () => {
    try {
      const answer = await api('/api/live');
      showStatus('');
      document.getElementById('live-updated').textContent = answer.metrics.length === 0
        ? 'No live metrics yet: they appear while the stream runs.'
        : 'Updated ' + answer.updated_at + '; refreshing every ' + (LIVE_REFRESH_MS / 1000) + ' s.';
      const windows = [...new Set(answer.metrics.map(m => m.window_start))].sort();
      const totals = {};
      for (const metric of answer.metrics) {
        const key = metric.metric;
        totals[key] = totals[key] || {};
        totals[key][metric.window_start] = (totals[key][metric.window_start] || 0) + Number(metric.value);
      }
      lineChart('live-chart', windows, Object.keys(totals).sort().map(name => ({
        name: name, values: windows.map(w => totals[name][w] === undefined ? null : totals[name][w])
      })));
      document.querySelector('#live tbody').replaceChildren();
      for (const metric of answer.metrics.slice().reverse().slice(0, 200)) {
        addRow('live', [metric.metric, metric.window_start, metric.category_id || '', number(metric.value),
          number(metric.late_events)]);
      }
    } catch (error) {
      showStatus('Cannot read the live metrics: ' + error.message);
    }
  };
  await refresh();
  window.setInterval(refresh, LIVE_REFRESH_MS);
}

const PAGES = { index: overview, category: category, segments: segments, customer: customer, live: live };

document.addEventListener('DOMContentLoaded', () => {
  const page = PAGES[document.body.dataset.page];
  page().then(() => { document.body.dataset.loaded = 'true'; })
    .catch(error => {
      showStatus(error.message);
      document.body.dataset.loaded = 'error';
    });
});
