module TopModule(input [2:0] value, output reg [6:0] therm);
  integer i;
  always @* begin
    for (i = 0; i < 7; i = i + 1)
      therm[6-i] = (i < value);
  end
endmodule
