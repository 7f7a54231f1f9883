using { NorthwindModel as db } from '../db/schema';

// Served at /odata/v4/northwind/: the entity sets of the example's container NorthwindEntities.
// No @cds.query.limit: the load test asks for its pages with $top, on both servers alike.
@path: 'northwind'
service NorthwindService {
  entity Categories    as projection on db.Categories;
  entity Customers     as projection on db.Customers;
  entity Employees     as projection on db.Employees;
  entity Order_Details as projection on db.Order_Details;
  entity Orders        as projection on db.Orders;
  entity Products      as projection on db.Products;
  entity Shippers      as projection on db.Shippers;
  entity Suppliers     as projection on db.Suppliers;
}
