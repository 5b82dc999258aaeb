module TopModule(input [7:0] in, output reg [2:0] idx, output valid);
  integer i;
  always @* begin
    idx = 3'd0;
    for (i = 7; i >= 0; i = i - 1)   // last assignment wins: bit 0 gets priority
      if (in[i]) idx = i[2:0];
  end
  assign valid = |in;
endmodule
