// The classic Northwind model, as the example `odata-server/examples/northwind/model.rs` has it:
// the same entity sets, property names, types and facets, navigation properties and referential
// constraints (as unmanaged associations, so the foreign keys keep their classic names).
// CAP has no entity type inheritance in OData, so `DiscontinuedDate` of the example's derived
// type `NorthwindModel.DiscontinuedProduct` is a (nullable) property of every product here.
namespace NorthwindModel;

entity Categories {
  key CategoryID   : Integer;
      CategoryName : String(15) not null;
      Description  : LargeString;
      Picture      : LargeBinary;
      Products     : Association to many Products on Products.CategoryID = CategoryID;
}

entity Customers {
  key CustomerID   : String(5);
      CompanyName  : String(40) not null;
      ContactName  : String(30);
      ContactTitle : String(30);
      Address      : String(60);
      City         : String(15);
      Region       : String(15);
      PostalCode   : String(10);
      Country      : String(15);
      Phone        : String(24);
      Fax          : String(24);
      Orders       : Association to many Orders on Orders.CustomerID = CustomerID;
}

entity Employees {
  key EmployeeID      : Integer;
      LastName        : String(20) not null;
      FirstName       : String(10) not null;
      Title           : String(30);
      TitleOfCourtesy : String(25);
      BirthDate       : DateTime;
      HireDate        : DateTime;
      Address         : String(60);
      City            : String(15);
      Region          : String(15);
      PostalCode      : String(10);
      Country         : String(15);
      HomePhone       : String(24);
      Extension       : String(4);
      Photo           : LargeBinary;
      Notes           : LargeString;
      ReportsTo       : Integer;
      PhotoPath       : String(255);
      Employees1      : Association to many Employees on Employees1.ReportsTo = EmployeeID;
      Employee1       : Association to Employees on Employee1.EmployeeID = ReportsTo;
      Orders          : Association to many Orders on Orders.EmployeeID = EmployeeID;
}

entity Order_Details {
  key OrderID   : Integer;
  key ProductID : Integer;
      UnitPrice : Decimal(19, 4) not null;
      Quantity  : Int16 not null;
      Discount  : Double not null;
      Order     : Association to Orders on Order.OrderID = OrderID;
      Product   : Association to Products on Product.ProductID = ProductID;
}

entity Orders {
  key OrderID        : Integer;
      CustomerID     : String(5);
      EmployeeID     : Integer;
      OrderDate      : DateTime;
      RequiredDate   : DateTime;
      ShippedDate    : DateTime;
      ShipVia        : Integer;
      Freight        : Decimal(19, 4);
      ShipName       : String(40);
      ShipAddress    : String(60);
      ShipCity       : String(15);
      ShipRegion     : String(15);
      ShipPostalCode : String(10);
      ShipCountry    : String(15);
      Customer       : Association to Customers on Customer.CustomerID = CustomerID;
      Employee       : Association to Employees on Employee.EmployeeID = EmployeeID;
      Order_Details  : Association to many Order_Details on Order_Details.OrderID = OrderID;
      Shipper        : Association to Shippers on Shipper.ShipperID = ShipVia;
}

entity Products {
  key ProductID        : Integer;
      ProductName      : String(40) not null;
      SupplierID       : Integer;
      CategoryID       : Integer;
      QuantityPerUnit  : String(20);
      UnitPrice        : Decimal(19, 4);
      UnitsInStock     : Int16;
      UnitsOnOrder     : Int16;
      ReorderLevel     : Int16;
      Discontinued     : Boolean not null;
      DiscontinuedDate : DateTime;
      Category         : Association to Categories on Category.CategoryID = CategoryID;
      Order_Details    : Association to many Order_Details on Order_Details.ProductID = ProductID;
      Supplier         : Association to Suppliers on Supplier.SupplierID = SupplierID;
}

entity Shippers {
  key ShipperID   : Integer;
      CompanyName : String(40) not null;
      Phone       : String(24);
      Orders      : Association to many Orders on Orders.ShipVia = ShipperID;
}

entity Suppliers {
  key SupplierID   : Integer;
      CompanyName  : String(40) not null;
      ContactName  : String(30);
      ContactTitle : String(30);
      Address      : String(60);
      City         : String(15);
      Region       : String(15);
      PostalCode   : String(10);
      Country      : String(15);
      Phone        : String(24);
      Fax          : String(24);
      HomePage     : LargeString;
      Products     : Association to many Products on Products.SupplierID = SupplierID;
}
