module TopModule(input [7:0] dividend, input [7:0] divisor,
                 output [7:0] quotient, output [7:0] remainder);
  assign quotient  = dividend / divisor;
  assign remainder = dividend % divisor;
endmodule
